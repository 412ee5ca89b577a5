// Common metadata of every Continuum CodeSystem and ValueSet.
RuleSet: TerminologyMetadata
* ^status = #active
* ^experimental = false
* ^publisher = "Continuum project"
* ^contact.name = "Continuum project"
* ^contact.telecom.system = #url
* ^contact.telecom.value = "https://continuumcare.org"
