ValueSet: EmploymentOutcomeVS
Id: employment-outcome
Title: "Employment Partner Outcome"
Description: "Outcome codes of the employment partner (CodeSystem employment-outcome); source of ConceptMap employment-outcome-to-employment-status."
* insert TerminologyMetadata
* include codes from system EmploymentOutcome
