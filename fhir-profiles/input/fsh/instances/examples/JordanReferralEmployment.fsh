Instance: jordan-referral-employment
InstanceOf: Referral
Usage: #example
Title: "Referral of Jordan to Next Step Employment"
Description: "Employment referral: job placement after release; reason: the employment-legal strength of 2."
* status = #active
* intent = #order
* category = $SDOHCC#employment-status "Employment Status"
* code.text = "Job placement support"
* subject = Reference(jordan-reyes)
* occurrencePeriod.start = "2026-12-15"
* authoredOn = "2026-11-21T09:10:00Z"
* requester = Reference(coach-sam-okafor-role)
* performer = Reference(demo-employment)
* reasonReference = Reference(jordan-rc-8-employment-legal)
