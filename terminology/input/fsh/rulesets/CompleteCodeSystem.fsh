// Common rules of a complete Continuum CodeSystem.
RuleSet: CompleteCodeSystem
* insert TerminologyMetadata
* ^caseSensitive = true
* ^content = #complete
