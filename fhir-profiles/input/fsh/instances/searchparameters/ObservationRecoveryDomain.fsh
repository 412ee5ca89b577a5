Instance: observation-recovery-domain
InstanceOf: SearchParameter
Usage: #definition
Title: "Recovery-capital scores by domain (the domain category of an 8-domain strength score)"
* url = "https://continuumcare.org/fhir/SearchParameter/observation-recovery-domain"
* name = "RecoveryDomain"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Recovery-capital scores by domain (the domain category of an 8-domain strength score)"
* code = #recovery-domain
* base = #Observation
* type = #token
* expression = "Observation.category.where(coding.system = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain')"
* xpathUsage = #normal
