ValueSet: Barc10AgreementVS
Id: barc-10-agreement
Title: "BARC-10 Agreement Scale"
Description: "The BARC-10 answer scale: 1 strongly disagree to 6 strongly agree (CodeSystem agreement-scale-6)."
* insert TerminologyMetadata
* include codes from system AgreementScale6
