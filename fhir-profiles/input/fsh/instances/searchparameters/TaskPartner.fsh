Instance: task-partner
InstanceOf: SearchParameter
Usage: #definition
Title: "Referral tasks by the partner Organization that owns them"
* url = "https://continuumcare.org/fhir/SearchParameter/task-partner"
* name = "TaskPartner"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Referral tasks by the partner Organization that owns them"
* code = #partner
* base = #Task
* type = #reference
* expression = "Task.owner.where(resolve() is Organization)"
* xpathUsage = #normal
* target = #Organization
