// Continuum terminology (package continuumcare.terminology)
Alias: $RCDomain = https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain
Alias: $RCDimension = https://continuumcare.org/fhir/CodeSystem/recovery-capital-dimension
Alias: $RCInstrument = https://continuumcare.org/fhir/CodeSystem/recovery-capital-instrument
Alias: $RCScoreType = https://continuumcare.org/fhir/CodeSystem/recovery-capital-score-type
Alias: $RCItem = https://continuumcare.org/fhir/CodeSystem/recovery-capital-item
Alias: $Agree6 = https://continuumcare.org/fhir/CodeSystem/agreement-scale-6
Alias: $Agree4 = https://continuumcare.org/fhir/CodeSystem/agreement-scale-4
Alias: $VSDomain = https://continuumcare.org/fhir/ValueSet/recovery-capital-domain
Alias: $VSDimension = https://continuumcare.org/fhir/ValueSet/recovery-capital-dimension
Alias: $VSInstrument = https://continuumcare.org/fhir/ValueSet/recovery-capital-instrument
Alias: $VSScoreType = https://continuumcare.org/fhir/ValueSet/recovery-capital-score-type
Alias: $VSReferralCategory = https://continuumcare.org/fhir/ValueSet/referral-category
Alias: $VSBusinessStatus = https://continuumcare.org/fhir/ValueSet/referral-business-status
Alias: $VSReleaseType = https://continuumcare.org/fhir/ValueSet/release-type
Alias: $VSPartnerType = https://continuumcare.org/fhir/ValueSet/partner-type
Alias: $SDOHCC = http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes
Alias: $ReferralCategory = https://continuumcare.org/fhir/CodeSystem/referral-category
Alias: $BusinessStatus = https://continuumcare.org/fhir/CodeSystem/referral-business-status
Alias: $ReleaseType = https://continuumcare.org/fhir/CodeSystem/release-type
Alias: $VSBarcAgreement = https://continuumcare.org/fhir/ValueSet/barc-10-agreement
Alias: $VSMircAgreement = https://continuumcare.org/fhir/ValueSet/mirc-agreement

// HL7 terminology
Alias: $ObsCategory = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $ActReason = http://terminology.hl7.org/CodeSystem/v3-ActReason
Alias: $Confidentiality = http://terminology.hl7.org/CodeSystem/v3-Confidentiality
Alias: $ConsentScope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $SecurityRoleType = http://terminology.hl7.org/CodeSystem/extra-security-role-type
Alias: $TaskCode = http://hl7.org/fhir/CodeSystem/task-code
Alias: $LNC = http://loinc.org
Alias: $SCT = http://snomed.info/sct

// Continuum canonicals
Alias: $QBarc10 = https://continuumcare.org/fhir/Questionnaire/barc-10
Alias: $QMirc28 = https://continuumcare.org/fhir/Questionnaire/mirc-28
Alias: $Q8Domain = https://continuumcare.org/fhir/Questionnaire/recovery-capital-8-domain
