Instance: task-business-status
InstanceOf: SearchParameter
Usage: #definition
Title: "Referral tasks by business status (the finer closed-loop state)"
* url = "https://continuumcare.org/fhir/SearchParameter/task-business-status"
* name = "TaskBusinessStatus"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Referral tasks by business status (the finer closed-loop state)"
* code = #business-status
* base = #Task
* type = #token
* expression = "Task.businessStatus"
* xpathUsage = #normal
