ValueSet: HousingSituationCategoryVS
Id: housing-situation-category
Title: "Housing Situation Category"
Description: "HUD's groups of HMIS living situations (CodeSystem housing-situation-category)."
* insert TerminologyMetadata
* include codes from system HousingSituationCategory
