// Common metadata of every Continuum ConceptMap (an Instance, so no caret paths).
RuleSet: ConceptMapMetadata
* status = #active
* version = "0.1.0"
* experimental = false
* publisher = "Continuum project"
* contact.name = "Continuum project"
* contact.telecom.system = #url
* contact.telecom.value = "https://continuumcare.org"
