CodeSystem: ReferralCategory
Id: referral-category
Title: "Referral Category"
Description: "Continuum's referral categories for the services that HL7 Gravity SDOH Clinical Care has no category for (housing, employment and education use the Gravity SDOHCC temporary codes; see ValueSet referral-category). SNOMED CT procedure codes for these referrals could not be verified offline, so none are asserted here."
* insert CompleteCodeSystem
* #treatment-continuation "Treatment continuation" "Referral to continue substance use disorder or mental health treatment with a community provider, e.g. after release from prison or discharge from a residential programme."
* #moud-continuation "Medication for opioid use disorder continuation" "Referral to continue medication for opioid use disorder (MOUD: buprenorphine, methadone or extended-release naltrexone) without interruption, e.g. at release from prison."
* #peer-support "Peer recovery support" "Referral to a peer recovery coach, recovery community organisation or mutual-aid group."
* #harm-reduction "Harm reduction" "Referral to harm-reduction services: naloxone, drug checking, syringe services, overdose prevention."
* #family-support "Family support" "Referral to support for the person's family or significant others (family therapy, family recovery support, parenting support)."
* #legal-services "Legal services" "Referral to legal aid or help with justice-system matters (supervision conditions, fines, record expungement, identity documents)."
