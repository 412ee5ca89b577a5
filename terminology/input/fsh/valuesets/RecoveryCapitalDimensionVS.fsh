ValueSet: RecoveryCapitalDimensionVS
Id: recovery-capital-dimension
Title: "Recovery Capital Dimension"
Description: "The four recovery-capital dimensions of Cloud and Granfield (CodeSystem recovery-capital-dimension)."
* insert TerminologyMetadata
* include codes from system RecoveryCapitalDimension
