Instance: prison-release-reason-to-release-type
InstanceOf: ConceptMap
Usage: #definition
Title: "Prison Release Reason to Release Type"
Description: "Translates the demo prison partner's release reasons (CodeSystem prison-release-reason) to Continuum release types (CodeSystem release-type)."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/prison-release-reason-to-release-type"
* name = "PrisonReleaseReasonToReleaseType"
* title = "Prison Release Reason to Release Type"
* description = "Translates the demo prison partner's release reasons (CodeSystem prison-release-reason) to Continuum release types (CodeSystem release-type)."
* sourceCanonical = "https://continuumcare.org/fhir/ValueSet/prison-release-reason"
* targetCanonical = "https://continuumcare.org/fhir/ValueSet/release-type"
* group[0].source = "https://continuumcare.org/fhir/CodeSystem/prison-release-reason"
* group[0].target = "https://continuumcare.org/fhir/CodeSystem/release-type"
* group[0].element[+].code = #EOS
* group[0].element[=].display = "End of sentence"
* group[0].element[=].target.code = #sentence-completed
* group[0].element[=].target.display = "Sentence completed"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #PAR
* group[0].element[=].display = "Parole"
* group[0].element[=].target.code = #parole
* group[0].element[=].target.display = "Parole"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #MSR
* group[0].element[=].display = "Mandatory supervised release"
* group[0].element[=].target.code = #parole
* group[0].element[=].target.display = "Parole"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Statutory supervised release is post-release supervision like parole, but not granted by a parole board."
* group[0].element[+].code = #PRB
* group[0].element[=].display = "Probation"
* group[0].element[=].target.code = #probation
* group[0].element[=].target.display = "Probation"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #BAIL
* group[0].element[=].display = "Bail"
* group[0].element[=].target.code = #bail
* group[0].element[=].target.display = "Bail or pretrial release"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #PTR
* group[0].element[=].display = "Pretrial release"
* group[0].element[=].target.code = #bail
* group[0].element[=].target.display = "Bail or pretrial release"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #CRT
* group[0].element[=].display = "Court order"
* group[0].element[=].target.code = #court-order
* group[0].element[=].target.display = "Court order"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #PARDON
* group[0].element[=].display = "Pardon or commutation"
* group[0].element[=].target.code = #other
* group[0].element[=].target.display = "Other"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Continuum has no release type for clemency; recorded as other."
* group[0].element[+].code = #TRF
* group[0].element[=].display = "Transfer"
* group[0].element[=].target.code = #transfer
* group[0].element[=].target.display = "Transfer"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #OTH
* group[0].element[=].display = "Other"
* group[0].element[=].target.code = #other
* group[0].element[=].target.display = "Other"
* group[0].element[=].target.equivalence = #equivalent
