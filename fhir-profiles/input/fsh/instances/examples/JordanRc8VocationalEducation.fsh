Instance: jordan-rc-8-vocational-education
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan strength vocational-education: 3"
Description: "8-domain strength for vocational-education from jordan-8-domain-2026-11-20."
* status = #final
* category[survey] = $ObsCategory#survey
* category[domain] = $RCDomain#vocational-education
* code = $RCScoreType#rc-8-domain-strength
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 3
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
