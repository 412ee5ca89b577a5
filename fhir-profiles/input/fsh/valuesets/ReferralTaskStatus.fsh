ValueSet: ReferralTaskStatus
Id: referral-task-status
Title: "Referral Task Status"
Description: "The Task statuses a referral moves through in the Gravity SDOH closed loop: the codes of SDOHCC's Referral Task Status ValueSet (hl7.fhir.us.sdoh-clinicalcare 2.3.0, SDOHCC-ValueSetReferralTaskStatus: every task-status code except ready and received). The requester sets draft, requested and entered-in-error; the partner sets accepted, rejected, in-progress, on-hold, failed and completed; either side cancelled. That the partner has received a referral it has not decided on yet is the business status 'received' on a Task still requested."
* ^status = #active
* ^experimental = false
* http://hl7.org/fhir/task-status#draft
* http://hl7.org/fhir/task-status#requested
* http://hl7.org/fhir/task-status#accepted
* http://hl7.org/fhir/task-status#rejected
* http://hl7.org/fhir/task-status#cancelled
* http://hl7.org/fhir/task-status#in-progress
* http://hl7.org/fhir/task-status#on-hold
* http://hl7.org/fhir/task-status#failed
* http://hl7.org/fhir/task-status#completed
* http://hl7.org/fhir/task-status#entered-in-error
