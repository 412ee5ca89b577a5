Profile: RecoveryGoal
Parent: Goal
Id: recovery-goal
Title: "Recovery Goal"
Description: "A goal in one recovery-capital domain, in the client's words where possible, with a target and achievement status. A target may measure a recovery-capital score (target.measure a score type; detailInteger = reach at least this value, detailRange = be within it; a domain strength is the one of the goal's own domain): the server then sets achievementStatus from the latest score (achieved, improving, worsening, no-change, in-progress)."
* insert ProfileMetadata
* obeys rg-1
* extension contains RecoveryCapitalDomainExtension named domain 1..1 MS
* lifecycleStatus MS
* achievementStatus MS
* description MS
* description.text 1..1 MS
* insert PatientSubject(subject)
* start[x] MS
* target MS
* target.due[x] MS
* target.measure MS
* target.measure from $VSScoreType (required)
* target.measure ^short = "The recovery-capital score the goal is measured by (e.g. rc-8-domain-strength of the goal's domain)"
* target.detail[x] MS
* target.detail[x] ^short = "detailInteger: reach at least this score; detailRange: be within it"
* expressedBy MS
* expressedBy only Reference(Patient or RelatedPerson or Practitioner or PractitionerRole)
* addresses MS

Invariant: rg-1
Description: "A target that measures a recovery-capital score says what counts as reached: detailInteger or detailRange"
Expression: "target.all(measure.exists() implies (detail is integer or detail is Range))"
Severity: #error
