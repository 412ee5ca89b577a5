Instance: jordan-sud-consent
InstanceOf: SudDisclosureConsent
Usage: #example
Title: "Jordan's consent to disclose SUD records"
Description: "Jordan consents that his SUD treatment records held by the prison health service and Harbor Community Treatment are disclosed, through the Continuum gateway as intermediary, to Harbor Community Treatment and his care team, for treatment and care coordination, for one year."
* status = #active
* scope = $ConsentScope#patient-privacy
* category[disclosure] = $ActCode#IDSCL
* category[part2] = $ActCode#42CFRPart2
* patient = Reference(jordan-reyes)
* dateTime = "2026-11-21T10:00:00Z"
* performer = Reference(jordan-reyes)
* organization[0] = Reference(demo-prison)
* organization[1] = Reference(demo-treatment)
* policyRule = $ActCode#OPTIN
* provision.type = #permit
* provision.period.start = "2026-11-21"
* provision.period.end = "2027-11-21"
* provision.actor[recipient][0].role = $ParticipationType#IRCP
* provision.actor[recipient][0].reference = Reference(demo-treatment)
* provision.actor[recipient][1].role = $ParticipationType#IRCP
* provision.actor[recipient][1].reference = Reference(jordan-care-team)
* provision.actor[intermediary].role = $SecurityRoleType#dataprocessor
* provision.actor[intermediary].reference = Reference(continuum-gateway)
* provision.purpose[0] = $ActReason#TREAT
* provision.purpose[1] = $ActReason#COC
* provision.securityLabel[0] = $Confidentiality#R
* provision.securityLabel[1] = $ActCode#42CFRPart2
* sourceAttachment.contentType = #application/pdf
* sourceAttachment.url = "urn:uuid:0b8f3c1e-7a2d-4c55-9e61-2f4a8d1c9b01"
* sourceAttachment.title = "Consent form signed by Jordan Reyes on 2026-11-21"
* policy[0].uri = "https://continuumcare.org/fhir/consent-policy/part2-revocation"
