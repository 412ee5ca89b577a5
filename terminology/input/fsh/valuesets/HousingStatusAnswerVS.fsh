ValueSet: HousingStatusAnswerVS
Id: housing-status-answer
Title: "Housing Status Answer (LOINC 71802-3)"
Description: "The LOINC answers to 71802-3 'Housing status' in the AHC HRSN screening tool ('What is your living situation today?'), as used by HL7 Gravity SDOH Clinical Care; target of ConceptMap hmis-living-situation-to-housing-status."
* insert TerminologyMetadata
* $loinc#LA31993-1 "I have a steady place to live"
* $loinc#LA31994-9 "I have a place to live today, but I am worried about losing it in the future"
* $loinc#LA31995-6 "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
