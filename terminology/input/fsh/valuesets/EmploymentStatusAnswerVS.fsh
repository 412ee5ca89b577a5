ValueSet: EmploymentStatusAnswerVS
Id: employment-status-answer
Title: "Employment Status Answer (LOINC 67875-5)"
Description: "The LOINC answers to 67875-5 'Employment status - current' in the PRAPARE instrument, as used by HL7 Gravity SDOH Clinical Care; target of ConceptMap employment-outcome-to-employment-status."
* insert TerminologyMetadata
* $loinc#LA17956-6 "Unemployed"
* $loinc#LA30138-4 "Part-time or temporary work"
* $loinc#LA30136-8 "Full-time work"
* $loinc#LA30137-6 "Otherwise unemployed but not seeking work (ex: student, retired, disabled, unpaid primary care giver)"
