Profile: SudDisclosureConsent
Parent: Consent
Id: sud-disclosure-consent
Title: "SUD Disclosure Consent"
Description: "Consent to disclose substance-use-disorder records (42 CFR Part 2 style, as amended in 2024): who may receive them (named recipients), for what purposes, for how long, which data, and the Continuum gateway named as the intermediary through which they travel."
* insert ProfileMetadata
* status MS
* scope = $ConsentScope#patient-privacy
* category 2..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains disclosure 1..1 MS and part2 1..1 MS
* category[disclosure] = $ActCode#IDSCL
* category[part2] = $ActCode#42CFRPart2
* insert PatientSubject(patient)
* dateTime 1..1 MS
* performer 1..* MS
* performer ^short = "Who gave the consent (the patient or their representative)"
* organization 1..* MS
* organization ^short = "The holder of the records (the discloser)"
* source[x] MS
* policyRule MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit
* provision.period 1..1 MS
* provision.period.end 1..1 MS
* provision.period ^short = "When the consent expires (Part 2 requires an expiry date or event)"
* provision.actor 2..* MS
* provision.actor ^slicing.discriminator.type = #pattern
* provision.actor ^slicing.discriminator.path = "role"
* provision.actor ^slicing.rules = #open
* provision.actor contains recipient 1..* MS and intermediary 1..1 MS
* provision.actor[recipient].role = $ParticipationType#IRCP
* provision.actor[recipient].reference only Reference(Organization or Practitioner or PractitionerRole or CareTeam)
* provision.actor[recipient] ^short = "A named recipient (or a class of them with a treating relationship)"
* provision.actor[intermediary].role = $SecurityRoleType#dataprocessor
* provision.actor[intermediary].reference only Reference(Organization)
* provision.actor[intermediary] ^short = "The intermediary (the Continuum gateway's Organization) through which the records are disclosed"
* provision.purpose 1..* MS
* provision.purpose ^short = "Purposes of use (v3 PurposeOfUse: TREAT, HPAYMT, HOPERAT ...)"
* provision.securityLabel MS
* provision.class MS
* provision.code MS
* provision.data MS
