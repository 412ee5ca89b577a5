Instance: jordan-living-situation-at-release
InstanceOf: Observation
Usage: #example
Title: "Jordan's living situation at release"
Description: "Living situation before release: HMIS 207 (jail, prison or juvenile detention facility), no address to go to."
* status = #final
* category = http://terminology.hl7.org/CodeSystem/observation-category#social-history "Social History"
* code = $LNC#71802-3 "Housing status"
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-11-24"
* performer = Reference(demo-prison)
* valueCodeableConcept = https://continuumcare.org/fhir/CodeSystem/hmis-living-situation#207 "Jail, prison or juvenile detention facility"
* note.text = "No address to go to at release; referral to Open Door Housing made."
