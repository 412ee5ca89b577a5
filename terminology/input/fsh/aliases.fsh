// External code systems and value sets used by the Continuum terminology.
Alias: $loinc = http://loinc.org
Alias: $sdohcc = http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes
Alias: $v2-0112 = http://terminology.hl7.org/CodeSystem/v2-0112
Alias: $v2-0283 = http://terminology.hl7.org/CodeSystem/v2-0283
Alias: $v2-0283-vs = http://terminology.hl7.org/ValueSet/v2-0283
Alias: $discharge-disposition = http://terminology.hl7.org/CodeSystem/discharge-disposition
Alias: $discharge-disposition-vs = http://terminology.hl7.org/ValueSet/encounter-discharge-disposition
Alias: $task-status = http://hl7.org/fhir/task-status
Alias: $task-status-vs = http://hl7.org/fhir/ValueSet/task-status
