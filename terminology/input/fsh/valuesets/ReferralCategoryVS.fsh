ValueSet: ReferralCategoryVS
Id: referral-category
Title: "Referral Category"
Description: "Categories of a Continuum referral (ServiceRequest.category). Reuses the HL7 Gravity SDOH Clinical Care category codes for housing, employment and education, and Continuum's own codes for treatment continuation, MOUD continuation, peer support, harm reduction, family support and legal services, for which Gravity has no category."
* insert TerminologyMetadata
* $sdohcc#housing-instability "Housing Instability"
* $sdohcc#homelessness "Homelessness"
* $sdohcc#employment-status "Employment Status"
* $sdohcc#educational-attainment "Educational Attainment"
* include codes from system ReferralCategory
