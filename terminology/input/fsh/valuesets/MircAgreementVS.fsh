ValueSet: MircAgreementVS
Id: mirc-agreement
Title: "MIRC Agreement Scale"
Description: "The MIRC answer scale: 1 strongly disagree to 4 strongly agree (CodeSystem agreement-scale-4)."
* insert TerminologyMetadata
* include codes from system AgreementScale4
