Instance: demo-treatment
InstanceOf: Organization
Usage: #example
Title: "Harbor Community Treatment (demo)"
Description: "Demo community treatment provider (MOUD continuation, outpatient SUD treatment)."
* active = true
* name = "Harbor Community Treatment (demo)"
* type = https://continuumcare.org/fhir/CodeSystem/partner-type#treatment-provider
