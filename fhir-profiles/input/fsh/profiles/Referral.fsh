Profile: Referral
Parent: ServiceRequest
Id: referral
Title: "Referral"
Description: "A referral to treatment, housing, employment, education, peer support, harm reduction or MOUD continuation (Gravity SDOH pattern: the ServiceRequest says what is asked; a ReferralTask tracks it at the partner). The reason may point at recovery-capital scores."
* insert ProfileMetadata
* obeys rf-1
* status MS
* intent = #order
* category 1..* MS
* category from $VSReferralCategory (required)
* category ^short = "treatment continuation, MOUD, housing, employment, education, peer support, harm reduction ..."
* code MS
* insert PatientSubject(subject)
* occurrence[x] MS
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(PractitionerRole or Organization)
* requester ^short = "Who refers: a PractitionerRole or an Organization (SDOHCC)"
* performer MS
* performer only Reference(Organization or PractitionerRole or HealthcareService)
* performer ^short = "The partner organisation (or its service) asked to perform"
* reasonReference MS
* reasonReference only Reference(Observation or Condition or DocumentReference)
* reasonReference ^short = "RecoveryCapitalScore(s) behind the referral (the assessment itself goes in supportingInfo)"
* supportingInfo MS

Invariant: rf-1
Description: "The requester is a PractitionerRole or an Organization (SDOHCC), by a literal reference of that type (or inside a Bundle, a urn: fullUrl)"
Expression: "requester.reference.exists() implies (requester.reference.matches('(^|/)(PractitionerRole|Organization)/[^/]+(/_history/[^/]+)?$') or requester.reference.startsWith('urn:') or requester.reference.startsWith('#'))"
Severity: #error
