Profile: ReferralTask
Parent: Task
Id: referral-task
Title: "Referral Task"
Description: "The closed-loop state of one Referral at one partner (Gravity SDOH pattern): intent order, focus the Referral, owner the partner Organization. The requester sets draft / requested / entered-in-error, the partner accepted / rejected / in-progress / on-hold / failed / completed, either side cancelled; finer states in businessStatus."
* insert ProfileMetadata
* status MS
* status from ReferralTaskStatus (required)
* statusReason MS
* businessStatus MS
* businessStatus from $VSBusinessStatus (required)
* intent = #order
* code 1..1 MS
* code = $TaskCode#fulfill
* focus 1..1 MS
* focus only Reference(Referral)
* for 1..1 MS
* for only Reference(Patient)
* authoredOn 1..1 MS
* lastModified MS
* requester 1..1 MS
* requester only Reference(Practitioner or PractitionerRole or Organization)
* owner 1..1 MS
* owner only Reference(Organization)
* owner ^short = "The partner Organization that performs the referral"
* output MS
* output ^short = "The outcome (e.g. a reference to the housing or employment status Observation)"
