CodeSystem: PartnerType
Id: partner-type
Title: "Partner Type"
Description: "Kinds of partner organisation Continuum exchanges referrals and handoffs with (Organization.type)."
* insert CompleteCodeSystem
* #treatment-provider "Treatment provider" "A provider of substance use disorder or mental health treatment, including opioid treatment programmes."
* #prison "Prison or jail" "A prison, jail or other custodial setting and its release team."
* #community-corrections "Community corrections" "A probation, parole or pretrial services office."
* #housing "Housing provider" "A housing provider, homeless service or Continuum of Care coordinated entry."
* #employment "Employment service" "An employment, job placement or vocational rehabilitation service."
* #education "Education provider" "A school, college or vocational training provider."
* #peer-support "Peer support organisation" "A recovery community organisation or peer recovery support service."
* #harm-reduction "Harm reduction service" "A harm-reduction service (naloxone, syringe services, drug checking)."
* #legal-aid "Legal aid" "A legal aid or reentry legal service."
* #primary-care "Primary care" "A primary care practice or health centre."
