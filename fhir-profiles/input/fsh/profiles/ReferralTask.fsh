Profile: ReferralTask
Parent: Task
Id: referral-task
Title: "Referral Task"
Description: "The closed-loop state of one Referral at one partner (Gravity SDOH Clinical Care 2.3.0 pattern): intent order, focus the Referral, owner the partner Organization, requester a PractitionerRole or Organization. Status within SDOHCC's Referral Task Status (no ready, no received: that the partner has received it is the business status 'received'). The requester sets draft / requested / entered-in-error, the partner accepted / rejected / in-progress / on-hold / failed / completed, either side cancelled; finer states in businessStatus. Rejected, cancelled, on-hold and failed say why (statusReason.text); completed names the resulting activity (output)."
* insert ProfileMetadata
* obeys rt-1 and rt-2 and rt-3
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
* requester only Reference(PractitionerRole or Organization)
* requester ^short = "Who refers: a PractitionerRole or an Organization (SDOHCC)"
* owner 1..1 MS
* owner only Reference(Organization)
* owner ^short = "The partner Organization that performs the referral"
* output MS
* output ^short = "The resulting activity (type SDOHCC resulting-activity): e.g. the employment status Observation, else the fulfilled Referral"

Invariant: rt-1
Description: "A rejected, cancelled, on-hold or failed referral Task says why in statusReason.text (SDOHCC)"
Expression: "(status = 'rejected' or status = 'cancelled' or status = 'on-hold' or status = 'failed') implies statusReason.text.exists()"
Severity: #error

Invariant: rt-2
Description: "A completed referral Task names its resulting activity: an output of type SDOHCC resulting-activity with a reference (SDOHCC)"
Expression: "status = 'completed' implies output.where(type.coding.where(system = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes' and code = 'resulting-activity').exists() and value.ofType(Reference).reference.exists()).exists()"
Severity: #error

Invariant: rt-3
Description: "The requester is a PractitionerRole or an Organization (SDOHCC), by a literal reference of that type (or inside a Bundle, a urn: fullUrl)"
Expression: "requester.reference.exists() implies (requester.reference.matches('(^|/)(PractitionerRole|Organization)/[^/]+(/_history/[^/]+)?$') or requester.reference.startsWith('urn:') or requester.reference.startsWith('#'))"
Severity: #error
