ValueSet: ReleaseTypeVS
Id: release-type
Title: "Release Type"
Description: "How a person leaves custody (release handoff)."
* insert TerminologyMetadata
* include codes from system ReleaseType
