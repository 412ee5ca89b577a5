ValueSet: SudRecordCodesVS
Id: sud-record-codes
Title: "Substance Use Disorder Record Codes"
Description: "Every code that, wherever it appears in a clinical record, makes it a substance use disorder record (42 CFR Part 2): the union of sud-conditions, sud-observations, sud-medications and sud-procedures."
* insert TerminologyMetadata
* include codes from valueset SudConditionsVS
* include codes from valueset SudObservationsVS
* include codes from valueset SudMedicationsVS
* include codes from valueset SudProceduresVS
