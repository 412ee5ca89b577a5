Instance: jordan-goal-employment
InstanceOf: RecoveryGoal
Usage: #example
Title: "Jordan's employment goal"
Description: "A steady job by spring (domain employment-legal)."
* extension[domain].valueCodeableConcept = $RCDomain#employment-legal
* lifecycleStatus = #active
* achievementStatus = http://terminology.hl7.org/CodeSystem/goal-achievement#in-progress
* description.text = "A steady job, ideally in a warehouse, by spring."
* subject = Reference(jordan-reyes)
* startDate = "2026-11-20"
* target.dueDate = "2027-04-30"
* expressedBy = Reference(jordan-reyes)
