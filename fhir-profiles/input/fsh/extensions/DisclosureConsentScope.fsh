Extension: DisclosureConsentScope
Id: disclosure-consent-scope
Title: "Scope of the consent a disclosure was made under"
Description: "A clear statement of the scope of the consent under which substance use disorder records were disclosed (42 CFR 2.32(b)): the consent's id, the recipient, the intermediary, the purposes, the period and which records it covers. The gateway adds it to the meta of every labelled resource it discloses under a consent, with the redisclosure notice."
Context: Meta
* insert ProfileMetadata
* value[x] only string
* value[x] 1..1
