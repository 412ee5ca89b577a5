Instance: hl7v2-discharge-disposition-to-fhir
InstanceOf: ConceptMap
Usage: #definition
Title: "HL7 v2 Discharge Disposition to FHIR"
Description: "Translates HL7 v2 discharge disposition codes (table 0112, PV1-36; UB-04 patient discharge status values) to FHIR Encounter.hospitalization.dischargeDisposition codes (http://terminology.hl7.org/CodeSystem/discharge-disposition)."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/hl7v2-discharge-disposition-to-fhir"
* name = "Hl7v2DischargeDispositionToFhir"
* title = "HL7 v2 Discharge Disposition to FHIR"
* description = "Translates HL7 v2 discharge disposition codes (table 0112, PV1-36; UB-04 patient discharge status values) to FHIR Encounter.hospitalization.dischargeDisposition codes (http://terminology.hl7.org/CodeSystem/discharge-disposition)."
* sourceCanonical = "https://continuumcare.org/fhir/ValueSet/hl7v2-discharge-disposition"
* targetCanonical = "http://terminology.hl7.org/ValueSet/encounter-discharge-disposition"
* group[0].source = "http://terminology.hl7.org/CodeSystem/v2-0112"
* group[0].target = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
* group[0].element[+].code = #01
* group[0].element[=].display = "Discharged to home or self care (routine discharge)"
* group[0].element[=].target.code = #home
* group[0].element[=].target.display = "Home"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #02
* group[0].element[=].display = "Discharged/transferred to another short term general hospital for inpatient care"
* group[0].element[=].target.code = #other-hcf
* group[0].element[=].target.display = "Other healthcare facility"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #03
* group[0].element[=].display = "Discharged/transferred to skilled nursing facility (SNF)"
* group[0].element[=].target.code = #snf
* group[0].element[=].target.display = "Skilled nursing facility"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #04
* group[0].element[=].display = "Discharged/transferred to an intermediate care facility (ICF)"
* group[0].element[=].target.code = #long
* group[0].element[=].target.display = "Long-term care"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "An intermediate care facility provides long-term residential care below skilled nursing level."
* group[0].element[+].code = #05
* group[0].element[=].display = "Discharged/transferred to another type of institution for inpatient care"
* group[0].element[=].target.code = #other-hcf
* group[0].element[=].target.display = "Other healthcare facility"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #06
* group[0].element[=].display = "Discharged/transferred to home under care of organized home health service organization"
* group[0].element[=].target.code = #home
* group[0].element[=].target.display = "Home"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #07
* group[0].element[=].display = "Left against medical advice or discontinued care"
* group[0].element[=].target.code = #aadvice
* group[0].element[=].target.display = "Left against advice"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #08
* group[0].element[=].display = "Discharged/transferred to home under care of Home IV provider"
* group[0].element[=].target.code = #home
* group[0].element[=].target.display = "Home"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #09
* group[0].element[=].display = "Admitted as an inpatient to this hospital"
* group[0].element[=].target.code = #oth
* group[0].element[=].target.display = "Other"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "The person stays in this hospital as an inpatient; FHIR has no specific code."
* group[0].element[+].code = #20
* group[0].element[=].display = "Expired"
* group[0].element[=].target.code = #exp
* group[0].element[=].target.display = "Expired"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #21
* group[0].element[=].display = "Discharged/transferred to court/law enforcement"
* group[0].element[=].target.code = #oth
* group[0].element[=].target.display = "Other"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Released to court or law enforcement custody; FHIR has no specific code."
* group[0].element[+].code = #30
* group[0].element[=].display = "Still patient"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "The person has not been discharged."
* group[0].element[+].code = #40
* group[0].element[=].display = "Expired at home"
* group[0].element[=].target.code = #exp
* group[0].element[=].target.display = "Expired"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #41
* group[0].element[=].display = "Expired in a medical facility"
* group[0].element[=].target.code = #exp
* group[0].element[=].target.display = "Expired"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #42
* group[0].element[=].display = "Expired - place unknown"
* group[0].element[=].target.code = #exp
* group[0].element[=].target.display = "Expired"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #43
* group[0].element[=].display = "Discharged/transferred to a federal health care facility"
* group[0].element[=].target.code = #other-hcf
* group[0].element[=].target.display = "Other healthcare facility"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #50
* group[0].element[=].display = "Discharged/transferred to hospice - home"
* group[0].element[=].target.code = #hosp
* group[0].element[=].target.display = "Hospice"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #51
* group[0].element[=].display = "Discharged/transferred to hospice - medical facility"
* group[0].element[=].target.code = #hosp
* group[0].element[=].target.display = "Hospice"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #62
* group[0].element[=].display = "Discharged/transferred to an inpatient rehabilitation facility"
* group[0].element[=].target.code = #rehab
* group[0].element[=].target.display = "Rehabilitation"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #63
* group[0].element[=].display = "Discharged/transferred to a long term care hospital"
* group[0].element[=].target.code = #long
* group[0].element[=].target.display = "Long-term care"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #64
* group[0].element[=].display = "Discharged/transferred to a nursing facility certified under Medicaid but not certified under Medicare"
* group[0].element[=].target.code = #snf
* group[0].element[=].target.display = "Skilled nursing facility"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A Medicaid-certified nursing facility; FHIR does not distinguish certification."
* group[0].element[+].code = #65
* group[0].element[=].display = "Discharged/transferred to a psychiatric hospital or psychiatric distinct part unit of a hospital"
* group[0].element[=].target.code = #psy
* group[0].element[=].target.display = "Psychiatric hospital"
* group[0].element[=].target.equivalence = #equivalent
* group[0].element[+].code = #66
* group[0].element[=].display = "Discharged/transferred to a critical access hospital"
* group[0].element[=].target.code = #other-hcf
* group[0].element[=].target.display = "Other healthcare facility"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #70
* group[0].element[=].display = "Discharged/transferred to another type of health care institution not defined elsewhere in the code list"
* group[0].element[=].target.code = #other-hcf
* group[0].element[=].target.display = "Other healthcare facility"
* group[0].element[=].target.equivalence = #wider
