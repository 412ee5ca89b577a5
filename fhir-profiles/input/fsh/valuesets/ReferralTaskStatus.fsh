ValueSet: ReferralTaskStatus
Id: referral-task-status
Title: "Referral Task Status"
Description: "The Task statuses a referral moves through in the Gravity SDOH closed loop. The requester sets draft, requested and entered-in-error; the partner sets received, accepted, rejected, in-progress, on-hold, failed and completed; either side cancelled. 'ready' is not used: a referral waits at the partner as received/accepted."
* ^status = #active
* ^experimental = false
* http://hl7.org/fhir/task-status#draft
* http://hl7.org/fhir/task-status#requested
* http://hl7.org/fhir/task-status#received
* http://hl7.org/fhir/task-status#accepted
* http://hl7.org/fhir/task-status#rejected
* http://hl7.org/fhir/task-status#cancelled
* http://hl7.org/fhir/task-status#in-progress
* http://hl7.org/fhir/task-status#on-hold
* http://hl7.org/fhir/task-status#failed
* http://hl7.org/fhir/task-status#completed
* http://hl7.org/fhir/task-status#entered-in-error
