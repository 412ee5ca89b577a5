ValueSet: RecoveryCapitalScoreTypeVS
Id: recovery-capital-score-type
Title: "Recovery Capital Score Type"
Description: "Codes of derived recovery-capital scores (Observation.code of a RecoveryCapitalScore)."
* insert TerminologyMetadata
* include codes from system RecoveryCapitalScoreType
