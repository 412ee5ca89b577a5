CodeSystem: PrisonReleaseReason
Id: prison-release-reason
Title: "Prison Release Reason (demo prison partner)"
Description: "Release reason codes of Continuum's demo prison partner (the JSON handoff and ZRL segment of its HL7 v2 discharge). No national standard code list for release reasons could be verified, so this list is the partner's local list; a real prison system's codes are added as another ConceptMap group."
* insert CompleteCodeSystem
* #EOS "End of sentence" "Released at the expiry of the sentence."
* #PAR "Parole" "Released to parole."
* #MSR "Mandatory supervised release" "Released to mandatory or post-release supervision at the statutory release date."
* #PRB "Probation" "Released to probation."
* #BAIL "Bail" "Released on bail or bond."
* #PTR "Pretrial release" "Released on pretrial conditions without bail."
* #CRT "Court order" "Released by court order (dismissal, acquittal, sentence modified)."
* #PARDON "Pardon or commutation" "Released by pardon or commutation of sentence."
* #TRF "Transfer" "Transferred to another facility."
* #OTH "Other" "Other reason."
