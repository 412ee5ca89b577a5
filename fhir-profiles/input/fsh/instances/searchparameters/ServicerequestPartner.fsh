Instance: servicerequest-partner
InstanceOf: SearchParameter
Usage: #definition
Title: "Referrals by the partner Organization asked to perform them"
* url = "https://continuumcare.org/fhir/SearchParameter/servicerequest-partner"
* name = "ReferralPartner"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Referrals by the partner Organization asked to perform them"
* code = #partner
* base = #ServiceRequest
* type = #reference
* expression = "ServiceRequest.performer.where(resolve() is Organization)"
* xpathUsage = #normal
* target = #Organization
