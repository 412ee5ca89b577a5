Instance: jordan-naloxone
InstanceOf: MedicationStatement
Usage: #example
Title: "Jordan's naloxone kit"
Description: "Take-home naloxone given at release (overdose risk is highest in the first weeks after release)."
* status = #intended
* medicationCodeableConcept.text = "Naloxone 4 mg nasal spray, 2-dose kit"
* subject = Reference(jordan-reyes)
* effectiveDateTime = "2026-12-15"
* dateAsserted = "2026-11-24"
* informationSource = Reference(demo-prison)
* dosage.text = "One spray in a nostril for suspected opioid overdose; repeat after 2-3 minutes with the second device if needed"
