Extension: RecoveryCapitalDomainExtension
Id: recovery-capital-domain
Title: "Recovery-capital domain"
Description: "The recovery-capital domain (one of the eight TreatNet domains) a goal or activity is about."
Context: Goal, CarePlan.activity
* insert ProfileMetadata
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from $VSDomain (required)
