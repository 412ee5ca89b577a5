Instance: jordan-referral-housing
InstanceOf: Referral
Usage: #example
Title: "Referral of Jordan to Open Door Housing"
Description: "Housing referral made before release, for a recovery housing place from the release date; reason: the safe-housing strength of 1."
* status = #active
* intent = #order
* category = $SDOHCC#housing-instability "Housing Instability"
* code.text = "Recovery housing placement"
* subject = Reference(jordan-reyes)
* occurrencePeriod.start = "2026-12-01"
* occurrencePeriod.end = "2026-12-31"
* authoredOn = "2026-11-21T09:00:00Z"
* requester = Reference(coach-sam-okafor-role)
* performer = Reference(demo-housing)
* reasonReference = Reference(jordan-rc-8-safe-housing)
* supportingInfo = Reference(jordan-8-domain-2026-11-20)
