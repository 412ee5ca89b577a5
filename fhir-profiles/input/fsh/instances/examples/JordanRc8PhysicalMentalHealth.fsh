Instance: jordan-rc-8-physical-mental-health
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan strength physical-mental-health: 3"
Description: "8-domain strength for physical-mental-health from jordan-8-domain-2026-11-20."
* status = #final
* category[survey] = $ObsCategory#survey
* category[domain] = $RCDomain#physical-mental-health
* code = $RCScoreType#rc-8-domain-strength
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 3
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
