Instance: observation-score-instrument
InstanceOf: SearchParameter
Usage: #definition
Title: "Recovery-capital scores by the instrument they come from (barc-10, mirc-28, rc-8-domain)"
* url = "https://continuumcare.org/fhir/SearchParameter/observation-score-instrument"
* name = "ScoreInstrument"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Recovery-capital scores by the instrument they come from (barc-10, mirc-28, rc-8-domain)"
* code = #score-instrument
* base = #Observation
* type = #token
* expression = "Observation.method"
* xpathUsage = #normal
