ValueSet: SupervisionStatusVS
Id: supervision-status
Title: "Supervision Status"
Description: "Supervision status codes of a probation or parole service (CodeSystem supervision-status); source of ConceptMap supervision-status-to-referral-status."
* insert TerminologyMetadata
* include codes from system SupervisionStatus
