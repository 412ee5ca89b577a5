Profile: RecoveryCapitalAssessment
Parent: QuestionnaireResponse
Id: recovery-capital-assessment
Title: "Recovery Capital Assessment"
Description: "One completed recovery-capital assessment: a response to one of Continuum's instruments (BARC-10, MIRC-28 or the 8-domain strengths assessment), who completed it (the client, a peer recovery coach, a clinician) and when. The server derives RecoveryCapitalScore Observations from it."
* insert ProfileMetadata
* obeys rca-1 and rca-2
* questionnaire 1..1 MS
* questionnaire ^short = "barc-10, mirc-28 or recovery-capital-8-domain (canonical, version optional)"
* status MS
* status ^short = "completed for a scorable assessment; in-progress responses are stored but not scored"
* insert PatientSubject(subject)
* authored 1..1 MS
* author 1..1 MS
* author only Reference(Patient or RelatedPerson or Practitioner or PractitionerRole)
* author ^short = "Who completed it: the client (Patient), a peer recovery coach or clinician (Practitioner/PractitionerRole), a family member (RelatedPerson)"
* source MS
* source only Reference(Patient or RelatedPerson or Practitioner or PractitionerRole)
* item 1..* MS
* item.linkId MS
* item.answer MS

Invariant: rca-1
Description: "The response answers one of Continuum's recovery-capital Questionnaires"
Expression: "questionnaire.startsWith('https://continuumcare.org/fhir/Questionnaire/barc-10') or questionnaire.startsWith('https://continuumcare.org/fhir/Questionnaire/mirc-28') or questionnaire.startsWith('https://continuumcare.org/fhir/Questionnaire/recovery-capital-8-domain')"
Severity: #error

Invariant: rca-2
Description: "BARC-10 and MIRC items are answered with a Coding from their agreement scale (the validator accepts other types for choice items)"
Expression: "item.where(linkId.startsWith('barc-10-') or linkId.startsWith('mirc-28-')).answer.all(value is Coding)"
Severity: #error
