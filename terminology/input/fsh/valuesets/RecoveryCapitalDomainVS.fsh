ValueSet: RecoveryCapitalDomainVS
Id: recovery-capital-domain
Title: "Recovery Capital Domain"
Description: "All eight recovery-capital domains (CodeSystem recovery-capital-domain)."
* insert TerminologyMetadata
* include codes from system RecoveryCapitalDomain
