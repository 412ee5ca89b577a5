// The four HL7 Gravity SDOH Clinical Care category codes that Continuum's referral-category ValueSet
// reuses, as a FHIR CodeSystem *fragment* under Gravity's own canonical url. The SDOHCC package is
// not published on the npm registry, so without this the server's validator cannot check these
// codes: once HAPI has pre-expanded referral-category it refuses "CodeSystem is unknown", and every
// housing or employment referral would get 422. Codes, displays and definitions are copied verbatim
// from the IG source (input/fsh/codesystems/SDOHCCCodeSystemTemporaryCodes.fsh, CodeSystem version
// 0.1.0, (c) 2020 HL7.org); content = fragment says the rest of the code system lives there.
// (The offline HL7 validator CLI, with no terminology server, does not validate codes against a
// content = fragment code system and reports it as "could not be found"; see fhir-profiles/README.md.)
CodeSystem: SDOHCCTemporaryCodesFragment
Id: SDOHCC-CodeSystemTemporaryCodes
Title: "SDOHCC CodeSystem Temporary Codes (fragment used by Continuum)"
Description: "The HL7 Gravity SDOH Clinical Care category codes reused by Continuum's referral categories (housing instability, homelessness, employment status, educational attainment). A fragment of the SDOHCC temporary code system, kept so that the server can validate them; the complete code system is published by HL7 in the SDOH Clinical Care IG."
* ^url = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
* ^version = "0.1.0"
* ^status = #active
* ^experimental = false
* ^publisher = "HL7 International / Patient Care (fragment republished by the Continuum project)"
* ^copyright = "(c) 2020 HL7.org"
* ^caseSensitive = true
* ^content = #fragment
* #housing-instability "Housing Instability" "Category for Social Determinant of Health artifacts that pertain to Housing Instability (which is defined as: Currently consistently housed, but experiencing any of the following circumstances in the past 12 months: being behind on rent or mortgage, multiple moves, or housing cost burden.) This SDOH category covers records relevant to circumstances that range from Housing Instability to Stably Housed."
* #homelessness "Homelessness" "Category for Social Determinant of Health artifacts that pertain to Homelessness (which is defined as including: 1) Sheltered Homelessness: because of economic difficulties, currently living in a shelter, motel, temporary or transitional living situation, scattered-site housing, or not having a consistent place to sleep at night; and 2) Unsheltered Homelessness: residing in a place not meant for human habitation, such as cars, parks, sidewalks, abandoned buildings, on the street.) This SDOH category covers records relevant to circumstances that range Homelessness to Housed."
* #educational-attainment "Educational Attainment" "Category for Social Determinant of Health artifacts that pertain to the level of education attained (which, in this context, is defined by whether one has or has not met academic criteria for high school diploma or equivalent.) This SDOH category covers records relevant to circumstances that range from 'Lacks a high school diploma/certificate' to 'Has a high school diploma/certificate'."
* #employment-status "Employment Status" "Category for Social Determinant of Health artifacts that pertain to the status of one's employment (which, in this context, is defined by whether one has or does not have a job and is looking for and available for work). This SDOH category covers records relevant to circumstances that range from 'In labor force' (Unemployed to Employed), or 'Not in labor force'."
