Instance: handoff-timeliness
InstanceOf: Measure
Usage: #definition
Title: "M3 Handoff timeliness"
Description: "Of the releases in the period with a release handoff, the share whose treatment referral was accepted before the release day; the median hours between the handoff and the release; the number flagged not-acknowledged-before-release. Stratified by release type and receiving provider. Continuum's own measure (no published equivalent was found); computed in Java over the resources the caller may see."
* url = "https://continuumcare.org/fhir/Measure/handoff-timeliness"
* name = "HandoffTimeliness"
* status = #draft
* experimental = false
* publisher = "Continuum"
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Patient
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* definition[0] = "Release day: ReleaseHandoff extension release-date.date; the release instant is 00:00 UTC of that day."
* definition[1] = "Handoff arrival: Composition.date (the document's time as the prison sent it; the server's receipt time is not used because an imported handoff keeps the time it was written)."
* definition[2] = "Treatment referral: a ServiceRequest in the handoff's referrals section (LOINC 57133-1) with category treatment-continuation or moud-continuation; accepted at: as in Measure closed-loop-referrals."
* group[0].code = https://continuumcare.org/fhir/CodeSystem/measure-group#accepted-before-release
* group[0].description = "Share of handoffs whose treatment referral was accepted before the release day."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Release handoffs (Composition type LOINC 18761-7, status final or amended) with a release day in the period; one case per handoff."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Release handoffs (Composition type LOINC 18761-7, status final or amended) with a release day in the period; one case per handoff."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "The initial population."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "The initial population."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator-exclusion
* group[0].population[2].description = "None."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "None."
* group[0].population[3].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[3].description = "A Task focused on a treatment referral of the handoff was accepted before 00:00 UTC of the release day."
* group[0].population[3].criteria.language = #text/plain
* group[0].population[3].criteria.expression = "A Task focused on a treatment referral of the handoff was accepted before 00:00 UTC of the release day."
* group[0].stratifier[0].code = https://continuumcare.org/fhir/CodeSystem/measure-stratifier#release-type
* group[0].stratifier[0].description = "Composition.category (release type)."
* group[0].stratifier[1].code = https://continuumcare.org/fhir/CodeSystem/measure-stratifier#provider
* group[0].stratifier[1].description = "The receiving provider (extension receiving-organization)."
* group[1].code = https://continuumcare.org/fhir/CodeSystem/measure-group#hours-handoff-to-release
* group[1].description = "Median hours from Composition.date to the release instant (negative if the handoff came after release); continuous variable, score = median. Same strata."
* group[1].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[1].population[0].description = "Denominator handoffs with a Composition.date."
* group[1].population[0].criteria.language = #text/plain
* group[1].population[0].criteria.expression = "Denominator handoffs with a Composition.date."
* group[2].code = https://continuumcare.org/fhir/CodeSystem/measure-group#not-acknowledged
* group[2].description = "Handoffs any of whose referral Tasks was ever (in any version) flagged not-acknowledged-before-release; the numerator count is the count asked for, the score its share. Same strata."
* group[2].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[2].population[0].description = "As group accepted-before-release."
* group[2].population[0].criteria.language = #text/plain
* group[2].population[0].criteria.expression = "As group accepted-before-release."
* group[2].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[2].population[1].description = "A referral Task of the handoff had business status not-acknowledged-before-release in some version."
* group[2].population[1].criteria.language = #text/plain
* group[2].population[1].criteria.expression = "A referral Task of the handoff had business status not-acknowledged-before-release in some version."
