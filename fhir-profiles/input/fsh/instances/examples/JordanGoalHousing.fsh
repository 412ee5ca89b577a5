Instance: jordan-goal-housing
InstanceOf: RecoveryGoal
Usage: #example
Title: "Jordan's housing goal"
Description: "A safe place of his own within six months of release (domain safe-housing), measured by his safe-housing domain strength: at least 4 (now 1, so in progress)."
* extension[domain].valueCodeableConcept = $RCDomain#safe-housing
* lifecycleStatus = #active
* achievementStatus = http://terminology.hl7.org/CodeSystem/goal-achievement#in-progress
* description.text = "A safe place of my own, away from using friends, within six months of release."
* subject = Reference(jordan-reyes)
* startDate = "2026-11-20"
* target.measure = $RCScoreType#rc-8-domain-strength "8-domain assessment: domain strength"
* target.detailInteger = 4
* target.dueDate = "2027-06-15"
* expressedBy = Reference(jordan-reyes)
