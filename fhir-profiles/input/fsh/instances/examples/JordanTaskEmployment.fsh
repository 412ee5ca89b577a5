Instance: jordan-task-employment
InstanceOf: ReferralTask
Usage: #example
Title: "Employment referral task: requested, received by the partner"
Description: "Next Step Employment has received the referral and not yet answered: status requested (SDOHCC has no received status), business status received."
* status = #requested
* businessStatus = $BusinessStatus#received "Received"
* intent = #order
* code = $TaskCode#fulfill
* focus = Reference(jordan-referral-employment)
* for = Reference(jordan-reyes)
* authoredOn = "2026-11-21T09:10:00Z"
* lastModified = "2026-11-21T09:12:00Z"
* requester = Reference(coach-sam-okafor-role)
* owner = Reference(demo-employment)
