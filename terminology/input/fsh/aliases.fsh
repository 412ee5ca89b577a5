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
// Code systems of the substance use disorder ValueSets (sud-*).
Alias: $sct = http://snomed.info/sct
Alias: $icd10cm = http://hl7.org/fhir/sid/icd-10-cm
Alias: $icd10 = http://hl7.org/fhir/sid/icd-10
Alias: $icd10pcs = http://www.cms.gov/Medicare/Coding/ICD10
Alias: $rxnorm = http://www.nlm.nih.gov/research/umls/rxnorm
