Instance: jordan-referral-moud
InstanceOf: Referral
Usage: #example
Title: "Referral of Jordan for buprenorphine continuation"
Description: "MOUD continuation at Harbor Community Treatment from the day of release."
* status = #active
* intent = #order
* priority = #urgent
* category = $ReferralCategory#moud-continuation "Medication for opioid use disorder continuation"
* code.text = "Continue buprenorphine/naloxone without interruption"
* subject = Reference(jordan-reyes)
* occurrenceDateTime = "2026-12-15"
* authoredOn = "2026-11-21T09:20:00Z"
* requester = Reference(demo-prison)
* performer = Reference(demo-treatment)
