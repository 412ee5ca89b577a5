Instance: servicerequest-referral-category
InstanceOf: SearchParameter
Usage: #definition
Title: "Referrals by referral category (housing, employment, treatment continuation ...)"
* url = "https://continuumcare.org/fhir/SearchParameter/servicerequest-referral-category"
* name = "ReferralCategory"
* status = #active
* experimental = false
* publisher = "Continuum"
* description = "Referrals by referral category (housing, employment, treatment continuation ...)"
* code = #referral-category
* base = #ServiceRequest
* type = #token
* expression = "ServiceRequest.category"
* xpathUsage = #normal
