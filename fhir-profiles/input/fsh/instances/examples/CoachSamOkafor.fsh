Instance: coach-sam-okafor
InstanceOf: Practitioner
Usage: #example
Title: "Sam Okafor, peer recovery coach"
Description: "Jordan's peer recovery coach (certified peer recovery specialist), working with the demo treatment provider."
* active = true
* name.family = "Okafor"
* name.given = "Sam"
* qualification.code.text = "Certified peer recovery specialist"
