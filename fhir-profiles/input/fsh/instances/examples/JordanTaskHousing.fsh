Instance: jordan-task-housing
InstanceOf: ReferralTask
Usage: #example
Title: "Housing referral task: accepted, waitlisted"
Description: "Open Door Housing accepted the referral; no place is free yet, Jordan is on the waiting list."
* status = #accepted
* businessStatus = $BusinessStatus#waitlisted "Waitlisted"
* intent = #order
* code = $TaskCode#fulfill
* focus = Reference(jordan-referral-housing)
* for = Reference(jordan-reyes)
* authoredOn = "2026-11-21T09:00:00Z"
* lastModified = "2026-11-23T14:05:00Z"
* requester = Reference(coach-sam-okafor-role)
* owner = Reference(demo-housing)
