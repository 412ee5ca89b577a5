Instance: jordan-rc-8-safe-housing
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan strength safe-housing: 1"
Description: "8-domain strength for safe-housing from jordan-8-domain-2026-11-20."
* status = #final
* category[survey] = $ObsCategory#survey
* category[domain] = $RCDomain#safe-housing
* code = $RCScoreType#rc-8-domain-strength
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 1
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
