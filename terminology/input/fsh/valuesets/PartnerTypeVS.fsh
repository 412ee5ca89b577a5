ValueSet: PartnerTypeVS
Id: partner-type
Title: "Partner Type"
Description: "Kinds of partner organisation (Organization.type)."
* insert TerminologyMetadata
* include codes from system PartnerType
