Instance: jordan-rc-8-total
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan 8-domain total: 24"
Description: "Total of the eight domain strengths of jordan-8-domain-2026-11-20: 3+4+1+4+2+3+3+4 = 24 (range 8-40)."
* status = #final
* category[survey] = $ObsCategory#survey
* code = $RCScoreType#rc-8-domain-total
* method = $RCInstrument#rc-8-domain
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T11:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 24
* derivedFrom = Reference(jordan-8-domain-2026-11-20)
