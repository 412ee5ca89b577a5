ValueSet: PrisonReleaseReasonVS
Id: prison-release-reason
Title: "Prison Release Reason"
Description: "Release reasons of the demo prison partner (CodeSystem prison-release-reason); source of ConceptMap prison-release-reason-to-release-type."
* insert TerminologyMetadata
* include codes from system PrisonReleaseReason
