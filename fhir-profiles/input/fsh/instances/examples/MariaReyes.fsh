Instance: maria-reyes
InstanceOf: RelatedPerson
Usage: #example
Title: "Maria Reyes, Jordan's mother"
Description: "Jordan's mother, part of the care team as family support."
* active = true
* patient = Reference(jordan-reyes)
* relationship = http://terminology.hl7.org/CodeSystem/v3-RoleCode#MTH "mother"
* name.family = "Reyes"
* name.given = "Maria"
