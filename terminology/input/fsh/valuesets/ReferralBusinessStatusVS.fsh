ValueSet: ReferralBusinessStatusVS
Id: referral-business-status
Title: "Referral Business Status"
Description: "Business states of a referral at a partner (Task.businessStatus)."
* insert TerminologyMetadata
* include codes from system ReferralBusinessStatus
