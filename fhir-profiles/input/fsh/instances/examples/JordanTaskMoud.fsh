Instance: jordan-task-moud
InstanceOf: ReferralTask
Usage: #example
Title: "MOUD continuation task: intake scheduled"
Description: "Harbor Community Treatment scheduled the intake for the day of release."
* status = #in-progress
* businessStatus = $BusinessStatus#scheduled "Scheduled"
* intent = #order
* code = $TaskCode#fulfill
* focus = Reference(jordan-referral-moud)
* for = Reference(jordan-reyes)
* authoredOn = "2026-11-21T09:20:00Z"
* lastModified = "2026-11-22T08:40:00Z"
* requester = Reference(demo-prison)
* owner = Reference(demo-treatment)
