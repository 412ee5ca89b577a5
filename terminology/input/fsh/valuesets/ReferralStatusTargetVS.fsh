ValueSet: ReferralStatusTargetVS
Id: referral-status-target
Title: "Referral Status Target"
Description: "What a partner's status report can mean for its referral Task: a Task.status (FHIR task-status) or a Task.businessStatus (referral-business-status). The target value set of ConceptMaps whose groups translate to both."
* insert TerminologyMetadata
* include codes from system http://hl7.org/fhir/task-status
* include codes from system ReferralBusinessStatus
