Instance: jordan-reyes
InstanceOf: Patient
Usage: #example
Title: "Jordan Reyes (worked scenario)"
Description: "The person of the worked scenario: in custody at the demo prison, released on parole in December 2026, on buprenorphine for opioid use disorder, needs housing and work."
* identifier.system = "https://continuumcare.org/fhir/sid/demo-prison-booking"
* identifier.value = "RCF-2024-00417"
* name.family = "Reyes"
* name.given = "Jordan"
* gender = #male
* birthDate = "1991-04-12"
