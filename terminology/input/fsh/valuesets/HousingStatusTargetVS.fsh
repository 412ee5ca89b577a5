ValueSet: HousingStatusTargetVS
Id: housing-status-target
Title: "Housing Status and Situation Group"
Description: "Target of ConceptMap hmis-living-situation-to-housing-status: the LOINC 71802-3 housing status answers (ValueSet housing-status-answer) and HUD's groups of living situations (CodeSystem housing-situation-category)."
* insert TerminologyMetadata
* include codes from valueset HousingStatusAnswerVS
* include codes from system HousingSituationCategory
