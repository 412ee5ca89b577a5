CodeSystem: ReleaseType
Id: release-type
Title: "Release Type"
Description: "How a person leaves custody, as carried by a release handoff (ReleaseHandoff Composition). It decides which community supervision and services apply after release."
* insert CompleteCodeSystem
* #sentence-completed "Sentence completed" "Release at the end of the sentence, without community supervision."
* #parole "Parole" "Conditional release before the end of the sentence, under parole or post-release supervision."
* #probation "Probation" "Release to a probation (community) sentence or to split-sentence probation."
* #bail "Bail or pretrial release" "Release before trial or sentencing, on bail, bond or pretrial conditions."
* #court-order "Court order" "Release ordered by a court (charges dismissed, acquittal, sentence modified or vacated)."
* #transfer "Transfer" "Transfer to another custodial or secure setting (another prison, a hospital, immigration custody); not a release to the community."
* #other "Other" "Any other release type."
