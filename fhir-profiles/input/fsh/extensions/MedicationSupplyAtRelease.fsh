Extension: MedicationSupplyAtRelease
Id: medication-supply-at-release
Title: "Medication supply at release"
Description: "How many days of a medication (for example buprenorphine or methadone for opioid use disorder, or naloxone) the person leaves custody with, so the community prescriber knows when continuation is due."
Context: MedicationStatement, MedicationRequest
* insert ProfileMetadata
* value[x] only Quantity
* valueQuantity 1..1
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code = #d
