Profile: RecoveryCapitalScore
Parent: Observation
Id: recovery-capital-score
Title: "Recovery Capital Score"
Description: "A score the server derives from a RecoveryCapitalAssessment: an instrument total, a MIRC capital subscale (categorised by capital dimension) or an 8-domain strength (categorised by domain). Always derivedFrom the response."
* insert ProfileMetadata
* obeys rcs-1 and rcs-2
* extension contains ScoreThresholdMet named thresholdMet 0..1 MS
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "survey, plus the domain or the capital dimension the score is about"
* category contains survey 1..1 MS and domain 0..1 MS and dimension 0..1 MS
* category[survey] = $ObsCategory#survey
* category[domain] from $VSDomain (required)
* category[domain].coding 1..1
* category[domain].coding.system 1..1
* category[domain].coding.system = "https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain"
* category[dimension] from $VSDimension (required)
* category[dimension].coding 1..1
* category[dimension].coding.system 1..1
* category[dimension].coding.system = "https://continuumcare.org/fhir/CodeSystem/recovery-capital-dimension"
* code MS
* code from $VSScoreType (required)
* method 1..1 MS
* method from $VSInstrument (required)
* method ^short = "The instrument the score comes from"
* insert PatientSubject(subject)
* effective[x] 1..1 MS
* effective[x] only dateTime
* effective[x] ^short = "When the assessment was completed (the response's authored time)"
* issued MS
* value[x] 1..1 MS
* value[x] only integer
* derivedFrom 1..1 MS
* derivedFrom only Reference(QuestionnaireResponse)
* derivedFrom ^short = "The RecoveryCapitalAssessment the score was computed from"
* component 0..0
* hasMember 0..0

Invariant: rcs-1
Description: "An 8-domain strength is categorised by its recovery-capital domain"
Expression: "code.coding.where(code = 'rc-8-domain-strength').exists() implies category.coding.where(system = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain').exists()"
Severity: #error

Invariant: rcs-2
Description: "A MIRC capital subscale is categorised by its capital dimension"
Expression: "code.coding.where(code.startsWith('mirc-28-') and code.endsWith('-capital')).exists() implies category.coding.where(system = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-dimension').exists()"
Severity: #error
