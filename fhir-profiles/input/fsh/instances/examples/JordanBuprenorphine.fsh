Instance: jordan-buprenorphine
InstanceOf: MedicationStatement
Usage: #example
Title: "Jordan's buprenorphine/naloxone"
Description: "MOUD started in custody, to continue after release; seven days' supply given at release."
* extension[0].url = "https://continuumcare.org/fhir/StructureDefinition/medication-supply-at-release"
* extension[0].valueQuantity = 7 'd' "days"
* status = #active
* medicationCodeableConcept.text = "Buprenorphine/naloxone 8 mg/2 mg sublingual film"
* subject = Reference(jordan-reyes)
* effectivePeriod.start = "2026-06-02"
* dateAsserted = "2026-11-21"
* informationSource = Reference(demo-prison)
* dosage.text = "One film under the tongue once daily"
