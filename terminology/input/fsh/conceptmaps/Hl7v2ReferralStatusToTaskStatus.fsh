Instance: hl7v2-referral-status-to-task-status
InstanceOf: ConceptMap
Usage: #definition
Title: "HL7 v2 Referral Status to Task Status"
Description: "Translates HL7 v2 referral status (table 0283, RF1-1) received from partners to the FHIR Task.status of the referral's ReferralTask (within SDOHCC's Referral Task Status; a pending referral stays requested, its business status 'received')."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/hl7v2-referral-status-to-task-status"
* name = "Hl7v2ReferralStatusToTaskStatus"
* title = "HL7 v2 Referral Status to Task Status"
* description = "Translates HL7 v2 referral status (table 0283, RF1-1) received from partners to the FHIR Task.status of the referral's ReferralTask (within SDOHCC's Referral Task Status; a pending referral stays requested, its business status 'received')."
* sourceCanonical = "http://terminology.hl7.org/ValueSet/v2-0283"
* targetCanonical = "http://hl7.org/fhir/ValueSet/task-status"
* group[0].source = "http://terminology.hl7.org/CodeSystem/v2-0283"
* group[0].target = "http://hl7.org/fhir/task-status"
* group[0].element[+].code = #A
* group[0].element[=].display = "Accepted"
* group[0].element[=].target.code = #accepted
* group[0].element[=].target.display = "Accepted"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #P
* group[0].element[=].display = "Pending"
* group[0].element[=].target.code = #requested
* group[0].element[=].target.display = "Requested"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "The partner holds the referral and has not decided yet. SDOHCC's Referral Task Status excludes received, so the Task stays requested; its business status (CodeSystem referral-business-status) says the partner has received it."
* group[0].element[+].code = #R
* group[0].element[=].display = "Rejected"
* group[0].element[=].target.code = #rejected
* group[0].element[=].target.display = "Rejected"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #E
* group[0].element[=].display = "Expired"
* group[0].element[=].target.code = #cancelled
* group[0].element[=].target.display = "Cancelled"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "The referral lapsed without being acted on; FHIR Task has no expired status, and the task is abandoned."
