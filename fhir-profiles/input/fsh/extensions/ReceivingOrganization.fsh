Extension: ReceivingOrganization
Id: receiving-organization
Title: "Receiving organization"
Description: "The community organization (treatment provider) the release handoff is addressed to. R4 Composition has no element for the intended recipient of a document (author, attester and custodian name who wrote, vouched for and keeps it), so the handoff names its recipient here; the relay routes the handoff to this Organization's Endpoint."
Context: Composition
* insert ProfileMetadata
* value[x] only Reference(Organization)
* valueReference 1..1
