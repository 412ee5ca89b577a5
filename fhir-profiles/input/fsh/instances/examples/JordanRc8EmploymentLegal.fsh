Instance: jordan-rc-8-employment-legal
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan strength employment-legal: 2"
Description: "8-domain strength for employment-legal from jordan-8-domain-2026-11-20."
* status = #final
* category[survey] = $ObsCategory#survey
* category[domain] = $RCDomain#employment-legal
* code = $RCScoreType#rc-8-domain-strength
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 2
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
