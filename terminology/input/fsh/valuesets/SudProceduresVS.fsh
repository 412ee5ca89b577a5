// Sources (checked 2026-12 with the project's search tool):
//  [cdc-counsel] CDC Opioid Prescribing Support IG, ValueSet substance-misuse-behavioral-counseling (expansion
//      2023-05-26, SNOMED CT US edition 2023-03-01: is-a 313071005, 424407005, 423416000, 720174008, 720177001 and
//      60112009, six concepts).
//  [leap] SHIFT Task Force / LEAP SLS ValueSet LeapSlsOpioidCodes (github.com/SHIFT-Task-Force/SLS-ValueSets
//      input/fsh/valuesets/LeapSensitiveKindCodes.fsh), the codes it took from Synthea's opioid_addiction module.
//  [synthea] Synthea 3.3.0 modules opioid_addiction.json (Encounter type 56876005, CarePlan activities 60112009,
//      61480009, 266707007) and veteran_substance_abuse_treatment.json (CarePlan activities 313071005, 24165007).
//  [us-core] HL7 US Core example Procedure "rehab": SNOMED CT 24165007 "Alcoholism counseling" with ICD-10-PCS
//      HZ30ZZZ "Individual Counseling for Substance Abuse Treatment, Cognitive".
// ICD-10-PCS section H, body system Z ("HZ...") is "Substance Abuse Treatment" (detoxification services, counseling,
// psychotherapy, pharmacotherapy for substance abuse treatment); the regex filter takes every code of it.
// Not here: 52052004 "Rehabilitation therapy" (generic; Synthea's Procedure of it is labelled through its
// reasonReference to the SUD Condition), screening procedures (428211000124100 Assessment of substance use,
// 713106006 Screening for drug abuse, 763302001 AUDIT-C assessment: done for every adult, their results are in
// sud-observations), prevention education (408935001, 408936000), and a SNOMED CT code for opioid substitution
// therapy, which could not be verified offline.
ValueSet: SudProceduresVS
Id: sud-procedures
Title: "Substance Use Disorder Treatment Procedures"
Description: "Procedures, regimes and encounter types of substance use disorder treatment: SNOMED CT detoxification, rehabilitation, addiction therapy, counseling, relapse prevention and harm reduction concepts (CDC substance-misuse-behavioral-counseling, LEAP SLS, Synthea, US Core), and every ICD-10-PCS code of section H Substance Abuse Treatment (HZ). Sources per code in valuesets/SudProceduresVS.fsh."
* insert TerminologyMetadata
* $sct#56876005 "Drug rehabilitation and detoxification (regime/therapy)" // leap, synthea
* $sct#61480009 "Drug detoxification (regime/therapy)" // leap, synthea
* $sct#266707007 "Drug addiction therapy (regime/therapy)" // leap, synthea
* $sct#60112009 "Drug addiction counseling (procedure)" // cdc-counsel, leap, synthea
* $sct#313071005 "Counseling for substance abuse (procedure)" // cdc-counsel, synthea
* $sct#424407005 "Substance use cessation education, guidance, and counseling (procedure)" // cdc-counsel
* $sct#423416000 "Substance use cessation case management (procedure)" // cdc-counsel
* $sct#720174008 "Drug harm reduction program (regime/therapy)" // cdc-counsel
* $sct#720177001 "Drug relapse prevention program (regime/therapy)" // cdc-counsel
* $sct#24165007 "Alcoholism counseling" // us-core, synthea
* include codes from system $icd10pcs where code regex "HZ.*"
