Profile: Referral
Parent: ServiceRequest
Id: referral
Title: "Referral"
Description: "A referral to treatment, housing, employment, education, peer support, harm reduction or MOUD continuation (Gravity SDOH pattern: the ServiceRequest says what is asked; a ReferralTask tracks it at the partner). The reason may point at recovery-capital scores."
* insert ProfileMetadata
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
* requester only Reference(Practitioner or PractitionerRole or Organization)
* performer MS
* performer only Reference(Organization or PractitionerRole or HealthcareService)
* performer ^short = "The partner organisation (or its service) asked to perform"
* reasonReference MS
* reasonReference only Reference(Observation or Condition or DocumentReference)
* reasonReference ^short = "RecoveryCapitalScore(s) behind the referral (the assessment itself goes in supportingInfo)"
* supportingInfo MS
