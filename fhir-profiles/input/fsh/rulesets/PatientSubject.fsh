RuleSet: PatientSubject(element)
* {element} 1..1 MS
* {element} only Reference(Patient)
