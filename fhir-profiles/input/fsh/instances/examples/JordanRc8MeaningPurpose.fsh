Instance: jordan-rc-8-meaning-purpose
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan strength meaning-purpose: 4"
Description: "8-domain strength for meaning-purpose from jordan-8-domain-2026-11-20."
* status = #final
* category[survey] = $ObsCategory#survey
* category[domain] = $RCDomain#meaning-purpose
* code = $RCScoreType#rc-8-domain-strength
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 4
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
