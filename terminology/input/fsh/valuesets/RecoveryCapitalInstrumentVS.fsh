ValueSet: RecoveryCapitalInstrumentVS
Id: recovery-capital-instrument
Title: "Recovery Capital Instrument"
Description: "Recovery-capital instruments Continuum supports (CodeSystem recovery-capital-instrument)."
* insert TerminologyMetadata
* include codes from system RecoveryCapitalInstrument
