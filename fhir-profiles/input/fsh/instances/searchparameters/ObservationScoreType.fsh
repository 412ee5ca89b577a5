Instance: observation-score-type
InstanceOf: SearchParameter
Usage: #definition
Title: "Recovery-capital scores by score type (barc-10-total, mirc-28-total, rc-8-domain-strength ...)"
* url = "https://continuumcare.org/fhir/SearchParameter/observation-score-type"
* name = "ScoreType"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Recovery-capital scores by score type (barc-10-total, mirc-28-total, rc-8-domain-strength ...)"
* code = #score-type
* base = #Observation
* type = #token
* expression = "Observation.code.where(coding.system = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-score-type')"
* xpathUsage = #normal
