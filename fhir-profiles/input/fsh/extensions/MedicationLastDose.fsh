Extension: MedicationLastDose
Id: medication-last-dose
Title: "Last dose in custody"
Description: "When the last dose of a medication (for example methadone or buprenorphine for opioid use disorder) was given before release, so the community programme can continue the dose without a gap or a double dose. The amount of that dose is the statement's dosage.doseAndRate.doseQuantity."
Context: MedicationStatement
* insert ProfileMetadata
* value[x] only dateTime
* valueDateTime 1..1
