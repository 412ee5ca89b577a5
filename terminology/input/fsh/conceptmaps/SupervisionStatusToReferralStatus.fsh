Instance: supervision-status-to-referral-status
InstanceOf: ConceptMap
Usage: #definition
Title: "Supervision Status to Referral Status"
Description: "What a probation or parole service's supervision status (CodeSystem supervision-status) means for the referral Task it reports on: Task.status (group 1) and Task.businessStatus (group 2)."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/supervision-status-to-referral-status"
* name = "SupervisionStatusToReferralStatus"
* title = "Supervision Status to Referral Status"
* description = "What a probation or parole service's supervision status (CodeSystem supervision-status) means for the referral Task it reports on: Task.status (group 1) and Task.businessStatus (group 2)."
* sourceCanonical = "https://continuumcare.org/fhir/ValueSet/supervision-status"
* targetCanonical = "https://continuumcare.org/fhir/ValueSet/referral-status-target"
* group[0].source = "https://continuumcare.org/fhir/CodeSystem/supervision-status"
* group[0].target = "http://hl7.org/fhir/task-status"
* group[0].element[+].code = #reporting
* group[0].element[=].display = "Reporting"
* group[0].element[=].target.code = #accepted
* group[0].element[=].target.display = "Accepted"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "The first report after release: the service has taken the person on, so the referral (the release notice) is accepted."
* group[0].element[+].code = #compliant
* group[0].element[=].display = "Compliant"
* group[0].element[=].target.code = #in-progress
* group[0].element[=].target.display = "In Progress"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #breach
* group[0].element[=].display = "Breach"
* group[0].element[=].target.code = #on-hold
* group[0].element[=].target.display = "On Hold"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Supervision goes on while the breach is dealt with; a later compliant report resumes it (on-hold to in-progress)."
* group[0].element[+].code = #ended
* group[0].element[=].display = "Ended"
* group[0].element[=].target.code = #completed
* group[0].element[=].target.display = "Completed"
* group[0].element[=].target.equivalence = #wider
* group[1].source = "https://continuumcare.org/fhir/CodeSystem/supervision-status"
* group[1].target = "https://continuumcare.org/fhir/CodeSystem/referral-business-status"
* group[1].element[+].code = #reporting
* group[1].element[=].display = "Reporting"
* group[1].element[=].target.code = #attended
* group[1].element[=].target.display = "Attended"
* group[1].element[=].target.equivalence = #inexact
* group[1].element[=].target.comment = "The person attended the first supervision appointment."
* group[1].element[+].code = #compliant
* group[1].element[=].display = "Compliant"
* group[1].element[=].target.code = #supervision-compliant
* group[1].element[=].target.display = "Compliant with supervision"
* group[1].element[=].target.equivalence = #equivalent
* group[1].element[+].code = #breach
* group[1].element[=].display = "Breach"
* group[1].element[=].target.code = #supervision-breach
* group[1].element[=].target.display = "Breach of supervision"
* group[1].element[=].target.equivalence = #equivalent
* group[1].element[+].code = #ended
* group[1].element[=].display = "Ended"
* group[1].element[=].target.code = #fulfilment-completed
* group[1].element[=].target.display = "Fulfilment completed"
* group[1].element[=].target.equivalence = #wider
