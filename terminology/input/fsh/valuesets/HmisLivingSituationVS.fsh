ValueSet: HmisLivingSituationVS
Id: hmis-living-situation
Title: "HMIS Living Situation and Destination"
Description: "All HUD HMIS FY2024 living situation and destination response codes (CodeSystem hmis-living-situation); source of ConceptMap hmis-living-situation-to-housing-status."
* insert TerminologyMetadata
* include codes from system HmisLivingSituation
