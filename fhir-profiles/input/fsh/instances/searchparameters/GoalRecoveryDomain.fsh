Instance: goal-recovery-domain
InstanceOf: SearchParameter
Usage: #definition
Title: "Recovery goals by recovery-capital domain"
* url = "https://continuumcare.org/fhir/SearchParameter/goal-recovery-domain"
* name = "GoalRecoveryDomain"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Recovery goals by recovery-capital domain"
* code = #recovery-domain
* base = #Goal
* type = #token
* expression = "Goal.extension('https://continuumcare.org/fhir/StructureDefinition/recovery-capital-domain').value"
* xpathUsage = #normal
