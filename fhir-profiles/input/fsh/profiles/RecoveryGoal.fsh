Profile: RecoveryGoal
Parent: Goal
Id: recovery-goal
Title: "Recovery Goal"
Description: "A goal in one recovery-capital domain, in the client's words where possible, with a target and achievement status."
* insert ProfileMetadata
* extension contains RecoveryCapitalDomainExtension named domain 1..1 MS
* lifecycleStatus MS
* achievementStatus MS
* description MS
* description.text 1..1 MS
* insert PatientSubject(subject)
* start[x] MS
* target MS
* target.due[x] MS
* expressedBy MS
* expressedBy only Reference(Patient or RelatedPerson or Practitioner or PractitionerRole)
* addresses MS
