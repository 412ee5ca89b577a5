Instance: jordan-recovery-plan
InstanceOf: RecoveryPlan
Usage: #example
Title: "Jordan's recovery plan"
Description: "Written by Jordan with his coach before release: housing and employment goals, the care team, and the referrals that carry them out."
* status = #active
* intent = #plan
* title = "My plan for after release"
* description = "Stay on my medication, find a safe place to live, get a job, keep seeing Sam."
* subject = Reference(jordan-reyes)
* period.start = "2026-11-21"
* created = "2026-11-21"
* author = Reference(jordan-reyes)
* contributor = Reference(coach-sam-okafor)
* careTeam = Reference(jordan-care-team)
* supportingInfo[0] = Reference(jordan-8-domain-2026-11-20)
* supportingInfo[1] = Reference(jordan-barc-10-total)
* goal[0] = Reference(jordan-goal-housing)
* goal[1] = Reference(jordan-goal-employment)
* activity[0].extension[domain].valueCodeableConcept = $RCDomain#safe-housing
* activity[0].reference = Reference(jordan-referral-housing)
* activity[1].extension[domain].valueCodeableConcept = $RCDomain#employment-legal
* activity[1].reference = Reference(jordan-referral-employment)
* activity[2].extension[domain].valueCodeableConcept = $RCDomain#physical-mental-health
* activity[2].reference = Reference(jordan-referral-moud)
