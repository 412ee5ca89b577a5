Instance: observation-capital-dimension
InstanceOf: SearchParameter
Usage: #definition
Title: "Recovery-capital scores by capital dimension (social, physical, human, cultural: the MIRC subscales)"
* url = "https://continuumcare.org/fhir/SearchParameter/observation-capital-dimension"
* name = "CapitalDimension"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Recovery-capital scores by capital dimension (social, physical, human, cultural: the MIRC subscales)"
* code = #capital-dimension
* base = #Observation
* type = #token
* expression = "Observation.category.where(coding.system = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-dimension')"
* xpathUsage = #normal
