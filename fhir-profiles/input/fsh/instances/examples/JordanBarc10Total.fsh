Instance: jordan-barc-10-total
InstanceOf: RecoveryCapitalScore
Usage: #example
Title: "Jordan BARC-10 total: 40"
Description: "BARC-10 total of jordan-barc-10-2026-11-20: 5+4+3+2+4+5+2+6+4+5 = 40, below the cut-off of 47."
* status = #final
* category[survey] = $ObsCategory#survey
* code = $RCScoreType#barc-10-total
* method = $RCInstrument#barc-10
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-20T10:30:00Z"
* issued = "2026-11-20T12:00:00Z"
* valueInteger = 40
* derivedFrom = Reference(jordan-barc-10-2026-11-20)
* extension[thresholdMet].valueBoolean = false
