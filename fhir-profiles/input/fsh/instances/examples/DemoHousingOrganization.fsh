Instance: demo-housing
InstanceOf: Organization
Usage: #example
Title: "Open Door Housing (demo)"
Description: "Demo housing partner (supportive and recovery housing)."
* active = true
* name = "Open Door Housing (demo)"
* type = https://continuumcare.org/fhir/CodeSystem/partner-type#housing
