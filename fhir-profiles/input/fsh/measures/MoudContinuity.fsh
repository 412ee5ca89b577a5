Instance: moud-continuity
InstanceOf: Measure
Usage: #definition
Title: "M4 Continuity of MOUD after release"
Description: "Of the releases in the period whose release handoff lists a medication for opioid use disorder (MOUD), the share with MOUD continued in the community by the end of the 14th day after release: a MOUD continuation referral accepted, or a MOUD MedicationRequest/MedicationStatement from a source other than the releasing facility. Stratified by release type and receiving provider. Aligned as far as Continuum's data allows with the published measures of continuity after release and of pharmacotherapy for opioid use disorder (see rationale); computed in Java over the resources the caller may see."
* url = "https://continuumcare.org/fhir/Measure/moud-continuity"
* name = "MoudContinuity"
* status = #draft
* experimental = false
* publisher = "Continuum"
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Patient
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* definition[0] = "Release day and handoff: as in Measure handoff-timeliness (ReleaseHandoff, status final or amended, extension release-date.date); the release instant is 00:00 UTC of that day. One case per handoff."
* definition[1] = "MOUD: a MedicationStatement or MedicationRequest whose medicationCodeableConcept has a code in ValueSet https://continuumcare.org/fhir/ValueSet/sud-medications (buprenorphine, methadone, naltrexone), status not entered-in-error, not-taken, stopped or cancelled."
* definition[2] = "Released on MOUD: a MOUD record of the person is an entry of the handoff's medications section (LOINC 10160-0)."
* definition[3] = "Accepted MOUD referral: a Task (fulfill) focused on a ServiceRequest of the person with category moud-continuation whose first accepted version (accepted, in-progress, on-hold or completed; Task.lastModified, else meta.lastUpdated) is at or after 90 days before the release instant and before the end of day 14 after the release day."
* definition[4] = "Community MOUD record: a MOUD record of the person that is not in the handoff, has a source (MedicationStatement.informationSource, MedicationRequest.requester) other than the handoff's authors and custodian, dated (MedicationRequest.authoredOn; MedicationStatement effective start or dateTime, else dateAsserted) on the release day or one of the 14 days after it."
* rationale = "Follows the 14-day window of the initiation measure of Initiation and Engagement of Substance Use Disorder Treatment (NCQA IET, eCQM CMS137, https://madie.cms.gov/Measure/CMS137FHIRSUDTxInitEngagement) and the medication list of Continuity of Pharmacotherapy for Opioid Use Disorder (NQF 3175, MIPS 468: buprenorphine, buprenorphine/naloxone, methadone, oral and extended-release naltrexone), as reentry programmes measure post-release MOUD (Health and Reentry Project, OUD reentry toolkit, metrics). Differences: the index event is a release handoff, not an SUD diagnosis or episode; continuation is evidenced by an accepted referral or a community medication record, not by claims or dispensing; NQF 3175's 180 days of continuous treatment is not measured (Continuum sees no dispensing or days' supply after release); no age criterion; naltrexone is counted whatever the indication."
* group[0].code = https://continuumcare.org/fhir/CodeSystem/measure-group#moud-continued
* group[0].description = "Share of releases on MOUD with MOUD continued in the community within 14 days."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Release handoffs with a release day in the period whose medications section lists a MOUD record of the person."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Release handoffs with a release day in the period whose medications section lists a MOUD record of the person."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "The initial population."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "The initial population."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator-exclusion
* group[0].population[2].description = "None."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "None."
* group[0].population[3].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[3].description = "An accepted MOUD referral or a community MOUD record (definitions) within the window."
* group[0].population[3].criteria.language = #text/plain
* group[0].population[3].criteria.expression = "An accepted MOUD referral or a community MOUD record (definitions) within the window."
* group[0].stratifier[0].code = https://continuumcare.org/fhir/CodeSystem/measure-stratifier#release-type
* group[0].stratifier[0].description = "Composition.category (release type)."
* group[0].stratifier[1].code = https://continuumcare.org/fhir/CodeSystem/measure-stratifier#provider
* group[0].stratifier[1].description = "The receiving provider (extension receiving-organization)."
* group[1].code = https://continuumcare.org/fhir/CodeSystem/measure-group#continued-by-referral
* group[1].description = "Share of the same denominator with an accepted MOUD referral in the window. Same strata."
* group[1].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[1].population[0].description = "An accepted MOUD referral (definition) in the window."
* group[1].population[0].criteria.language = #text/plain
* group[1].population[0].criteria.expression = "An accepted MOUD referral (definition) in the window."
* group[2].code = https://continuumcare.org/fhir/CodeSystem/measure-group#continued-by-medication
* group[2].description = "Share of the same denominator with a community MOUD record in the window. Same strata."
* group[2].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[2].population[0].description = "A community MOUD record (definition) in the window."
* group[2].population[0].criteria.language = #text/plain
* group[2].population[0].criteria.expression = "A community MOUD record (definition) in the window."
