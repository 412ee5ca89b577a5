Profile: ReleaseHandoff
Parent: Composition
Id: release-handoff
Title: "Release Handoff"
Description: "A prison release handoff document (the first entry of a document Bundle): release date and its uncertainty, the pre-release window in which services may start, place of release, the housing situation at release, medications to continue (MOUD, naloxone, supply at release), conditions, the latest recovery-capital assessment, the recovery plan, referrals already made, the consents that allow sharing, and the receiving community provider it is addressed to."
* insert ProfileMetadata
* extension contains ReleaseDate named releaseDate 1..1 MS and PreReleaseWindow named preReleaseWindow 0..1 MS and ReceivingOrganization named receivingOrganization 1..1 MS
* extension[receivingOrganization] ^short = "The community treatment provider the handoff is addressed to (what the relay routes on)"
* status MS
* type = $LNC#18761-7
* category 1..* MS
* category from $VSReleaseType (required)
* category ^short = "The kind of release (release type)"
* insert PatientSubject(subject)
* encounter MS
* encounter ^short = "The release Encounter"
* date MS
* author MS
* author only Reference(Organization or Practitioner or PractitionerRole)
* title MS
* confidentiality 1..1 MS
* custodian MS
* event MS
* event.period MS
* event.detail MS
* event.detail ^short = "Place of release (Location) and the releasing facility"
* section 1..* MS
* section.title 1..1 MS
* section.code 1..1 MS
* section ^slicing.discriminator.type = #pattern
* section ^slicing.discriminator.path = "code"
* section ^slicing.rules = #open
* section contains medications 1..1 MS and plan 0..1 MS and referrals 0..1 MS and housing 0..1 MS and consents 0..1 MS
* section[medications].code = $LNC#10160-0
* section[medications].entry 1..* MS
* section[medications].entry only Reference(MedicationStatement or MedicationRequest)
* section[medications] ^short = "Medications to continue after release (MOUD, naloxone), with the supply given at release"
* section[plan].code = $LNC#18776-5
* section[plan].entry only Reference(CarePlan or Goal or QuestionnaireResponse or Observation)
* section[referrals].code = $LNC#57133-1
* section[referrals].entry only Reference(ServiceRequest or Task)
* section[housing].code = $LNC#71802-3
* section[housing].entry only Reference(Observation)
* section[housing] ^short = "Housing situation at release (e.g. HMIS living situation 207 'jail, prison or juvenile detention facility')"
* section[consents].code = $LNC#59284-0
* section[consents].entry only Reference(Consent)
* section[consents] ^short = "The consents that allow the handoff to be shared (SudDisclosureConsent)"
