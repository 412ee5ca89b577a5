CodeSystem: SupervisionStatus
Id: supervision-status
Title: "Supervision Status"
Description: "What a probation or parole service reports about a person under community supervision after release (partner JSON status messages). Translated to the referral Task's status and business status by ConceptMap supervision-status-to-referral-status."
* insert CompleteCodeSystem
* #reporting "Reporting" "The person has reported to the supervising officer after release: the service has them on its caseload."
* #compliant "Compliant" "The person is meeting the conditions of supervision."
* #breach "Breach" "The person has breached a condition of supervision; the service is acting on it."
* #ended "Ended" "Supervision has ended (the term has been served or supervision was discharged)."
