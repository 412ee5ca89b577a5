Instance: demo-prison
InstanceOf: Organization
Usage: #example
Title: "Riverside Correctional Facility (demo)"
Description: "Demo prison and its release team."
* active = true
* name = "Riverside Correctional Facility (demo)"
* type = https://continuumcare.org/fhir/CodeSystem/partner-type#prison
