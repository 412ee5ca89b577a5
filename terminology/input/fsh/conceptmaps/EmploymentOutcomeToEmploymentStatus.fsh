Instance: employment-outcome-to-employment-status
InstanceOf: ConceptMap
Usage: #definition
Title: "Employment Outcome to Employment Status"
Description: "Translates the employment partner's outcome codes (CodeSystem employment-outcome) to LOINC 67875-5 'Employment status - current' answers (PRAPARE answer list), for the employment status Observation the gateway records."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/employment-outcome-to-employment-status"
* name = "EmploymentOutcomeToEmploymentStatus"
* title = "Employment Outcome to Employment Status"
* description = "Translates the employment partner's outcome codes (CodeSystem employment-outcome) to LOINC 67875-5 'Employment status - current' answers (PRAPARE answer list), for the employment status Observation the gateway records."
* sourceCanonical = "https://continuumcare.org/fhir/ValueSet/employment-outcome"
* targetCanonical = "https://continuumcare.org/fhir/ValueSet/employment-status-answer"
* group[0].source = "https://continuumcare.org/fhir/CodeSystem/employment-outcome"
* group[0].target = "http://loinc.org"
* group[0].element[+].code = #enrolled
* group[0].element[=].display = "Enrolled"
* group[0].element[=].target.code = #LA17956-6
* group[0].element[=].target.display = "Unemployed"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Enrolled in an employment programme and looking for work, so unemployed in the PRAPARE sense until a job starts."
* group[0].element[+].code = #training-completed
* group[0].element[=].display = "Training completed"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "Completing training says nothing about current employment."
* group[0].element[+].code = #job-placement
* group[0].element[=].display = "Job placement"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "The partner did not report the hours, so full-time and part-time work cannot be told apart; partners should send job-placement-full-time or job-placement-part-time."
* group[0].element[+].code = #job-placement-full-time
* group[0].element[=].display = "Job placement, full time"
* group[0].element[=].target.code = #LA30136-8
* group[0].element[=].target.display = "Full-time work"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #job-placement-part-time
* group[0].element[=].display = "Job placement, part time or temporary"
* group[0].element[=].target.code = #LA30138-4
* group[0].element[=].target.display = "Part-time or temporary work"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #job-lost
* group[0].element[=].display = "Job lost"
* group[0].element[=].target.code = #LA17956-6
* group[0].element[=].target.display = "Unemployed"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "The person lost their job; PRAPARE's 'Unemployed' assumes they are seeking work."
