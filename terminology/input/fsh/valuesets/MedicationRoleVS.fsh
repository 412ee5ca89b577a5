ValueSet: MedicationRoleVS
Id: medication-role
Title: "Medication Role"
Description: "Why a medication matters at release (target of ConceptMap medication-role)."
* insert TerminologyMetadata
* include codes from system MedicationRole
