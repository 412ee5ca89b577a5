Instance: disclosure-key
InstanceOf: SearchParameter
Usage: #definition
Title: "Who a record's SUD consent question is about: open, or the source program and the patients of a 42 CFR Part 2 record"
* url = "https://continuumcare.org/fhir/SearchParameter/disclosure-key"
* name = "DisclosureKey"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "The gateway's index of the SUD consent rule, so that a caller's search reads only records the rule may let through. A record without the 42CFRPart2 label has the key `open`; a labelled one has `sud`, `source:<Organization id>` for its source program tag and `patient:<Patient id>` for every Patient it references (a superset of the patient the consent rule asks about). The gateway adds this parameter to the searches of callers the rule applies to; the rule still judges every record read."
* code = #disclosure-key
* base[+] = #Condition
* base[+] = #Observation
* base[+] = #ServiceRequest
* base[+] = #Task
* base[+] = #Composition
* base[+] = #QuestionnaireResponse
* base[+] = #CarePlan
* base[+] = #Goal
* base[+] = #Encounter
* base[+] = #EpisodeOfCare
* base[+] = #Procedure
* base[+] = #MedicationStatement
* base[+] = #MedicationRequest
* base[+] = #MedicationDispense
* base[+] = #MedicationAdministration
* base[+] = #DocumentReference
* base[+] = #DiagnosticReport
* base[+] = #AllergyIntolerance
* base[+] = #Immunization
* base[+] = #CareTeam
* base[+] = #Communication
* base[+] = #CommunicationRequest
* base[+] = #Flag
* base[+] = #RiskAssessment
* base[+] = #ClinicalImpression
* base[+] = #Appointment
* type = #token
* expression = "iif(meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActCode' and code = '42CFRPart2').exists(), 'sud' | meta.tag.where(system = 'https://continuumcare.org/fhir/sid/part2-source-program').code.select('source:' + $this) | descendants().ofType(Reference).reference.where(matches('(^|/)Patient/[^/]+(/_history/[^/]+)?$')).select('patient:' + replaceMatches('^(.*/)?Patient/([^/]+)(/_history/[^/]+)?$', '$2')), 'open')"
* xpathUsage = #normal
