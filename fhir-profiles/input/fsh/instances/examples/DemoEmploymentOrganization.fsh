Instance: demo-employment
InstanceOf: Organization
Usage: #example
Title: "Next Step Employment (demo)"
Description: "Demo employment partner (job placement, vocational training)."
* active = true
* name = "Next Step Employment (demo)"
* type = https://continuumcare.org/fhir/CodeSystem/partner-type#employment
