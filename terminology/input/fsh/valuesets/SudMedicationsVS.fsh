// Sources (checked 2026-12 with the project's search tool):
//  [cdc-bup] CDC Opioid Prescribing Support IG, ValueSet buprenorphine-medications (expansion 2025-02-24,
//      github.com/cqframework/opioid-cds-r4 input/vocabulary/valueset/buprenorphine-medications.json), without the
//      products for pain or for animals: transdermal systems (BuTrans), buccal films without naloxone (Belbuca),
//      0.3 mg/ml injections and cartridges (Buprenex), 0.2/0.4 mg sublingual tablets, Simbadol and Zorbium.
//      Brixadi (2639021-2639044) is in this expansion, so it is here although conceptmaps/MedicationRole.fsh
//      (written from the 2023 expansion) could not map it.
//  [cdc-methadone] the same IG, ValueSet methadone-medications (expansion 2025-02-24): every methadone product.
//      Methadone for pain is listed too: a methadone record is taken as MOUD, as the medication-role map does.
//  [cdc-rules] the rules text of the CDC ValueSet buprenorphine-and-methadone-medications names the ingredients
//      buprenorphine = 1819 and methadone = 6813 (TTY IN), see conceptmaps/MedicationRole.fsh.
//  [vsac-oa] VSAC "Opiate Antagonists" 2.16.840.1.113883.3.464.1003.198.12.1132 (eCQM CMS137v10) for naltrexone 380 MG
//      Injection 637213 and naltrexone hydrochloride 50 MG Oral Tablet 1483744 (openFDA NDC labels of naltrexone
//      hydrochloride 50 mg tablets carry rxcui 1483744 as well).
//  [previous-rule] 7243 naltrexone (ingredient) comes from the label rules this ValueSet replaces (application.yaml
//      moud-statement / moud-request rules before these ValueSets). It could not be verified offline; it stays so that no record
//      labelled before is left out.
// Not here: naloxone alone (overdose reversal, prescribed with opioids for pain as well), bupropion/naltrexone
// (weight loss), 352364 (said to be "Buprenorphine 8 MG / Naloxone 2 MG Sublingual Tablet" by LEAP SLS, which the
// CDC expansions give as 351267: unverified).
ValueSet: SudMedicationsVS
Id: sud-medications
Title: "Medications for Substance Use Disorder"
Description: "RxNorm ingredients and products of medications for opioid and alcohol use disorder: buprenorphine (sublingual tablets, with naloxone, extended-release injections, implants), methadone and naltrexone. Buprenorphine products for pain are not included. Sources per code in valuesets/SudMedicationsVS.fsh."
* insert TerminologyMetadata
* $rxnorm#1819 "buprenorphine" // cdc-rules
* $rxnorm#6813 "methadone" // cdc-rules
* $rxnorm#7243 "naltrexone" // previous-rule
* $rxnorm#2639021 "0.16 ML buprenorphine 50 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639027 "0.16 ML buprenorphine 50 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#2639036 "0.18 ML buprenorphine 356 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639039 "0.18 ML buprenorphine 356 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#2639041 "0.27 ML buprenorphine 356 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639042 "0.27 ML buprenorphine 356 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#2639029 "0.32 ML buprenorphine 50 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639030 "0.32 ML buprenorphine 50 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#2639043 "0.36 ML buprenorphine 356 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639044 "0.36 ML buprenorphine 356 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#2639031 "0.48 ML buprenorphine 50 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639032 "0.48 ML buprenorphine 50 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#1996184 "0.5 ML buprenorphine 200 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#1996189 "0.5 ML buprenorphine 200 MG/ML Prefilled Syringe [Sublocade]" // cdc-bup
* $rxnorm#2639033 "0.64 ML buprenorphine 50 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#2639034 "0.64 ML buprenorphine 50 MG/ML Prefilled Syringe [Brixadi]" // cdc-bup
* $rxnorm#1996192 "1.5 ML buprenorphine 200 MG/ML Prefilled Syringe" // cdc-bup
* $rxnorm#1996193 "1.5 ML buprenorphine 200 MG/ML Prefilled Syringe [Sublocade]" // cdc-bup
* $rxnorm#1864412 "buprenorphine 0.7 MG / naloxone 0.18 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1864414 "buprenorphine 0.7 MG / naloxone 0.18 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#1431076 "buprenorphine 1.4 MG / naloxone 0.36 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1431083 "buprenorphine 1.4 MG / naloxone 0.36 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#1597568 "buprenorphine 11.4 MG / naloxone 2.9 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1597570 "buprenorphine 11.4 MG / naloxone 2.9 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#1307061 "buprenorphine 12 MG / naloxone 3 MG Sublingual Film" // cdc-bup
* $rxnorm#1307063 "buprenorphine 12 MG / naloxone 3 MG Sublingual Film [Suboxone]" // cdc-bup
* $rxnorm#1010600 "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film" // cdc-bup
* $rxnorm#1010603 "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film [Suboxone]" // cdc-bup
* $rxnorm#351266 "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Tablet" // cdc-bup
* $rxnorm#351264 "buprenorphine 2 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1542390 "buprenorphine 2.1 MG / naloxone 0.3 MG Buccal Film" // cdc-bup
* $rxnorm#1542396 "buprenorphine 2.1 MG / naloxone 0.3 MG Buccal Film [Bunavail]" // cdc-bup
* $rxnorm#1666338 "buprenorphine 2.9 MG / naloxone 0.71 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1666385 "buprenorphine 2.9 MG / naloxone 0.71 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#1307056 "buprenorphine 4 MG / naloxone 1 MG Sublingual Film" // cdc-bup
* $rxnorm#1307058 "buprenorphine 4 MG / naloxone 1 MG Sublingual Film [Suboxone]" // cdc-bup
* $rxnorm#1544851 "buprenorphine 4.2 MG / naloxone 0.7 MG Buccal Film" // cdc-bup
* $rxnorm#1544853 "buprenorphine 4.2 MG / naloxone 0.7 MG Buccal Film [Bunavail]" // cdc-bup
* $rxnorm#1431102 "buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1431104 "buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#1544854 "buprenorphine 6.3 MG / naloxone 1 MG Buccal Film" // cdc-bup
* $rxnorm#1544856 "buprenorphine 6.3 MG / naloxone 1 MG Buccal Film [Bunavail]" // cdc-bup
* $rxnorm#1797650 "buprenorphine 74.2 MG Drug Implant" // cdc-bup
* $rxnorm#1797655 "buprenorphine 74.2 MG Drug Implant [Probuphine]" // cdc-bup
* $rxnorm#1010604 "buprenorphine 8 MG / naloxone 2 MG Sublingual Film" // cdc-bup
* $rxnorm#1010606 "buprenorphine 8 MG / naloxone 2 MG Sublingual Film [Suboxone]" // cdc-bup
* $rxnorm#351267 "buprenorphine 8 MG / naloxone 2 MG Sublingual Tablet" // cdc-bup
* $rxnorm#351265 "buprenorphine 8 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1597573 "buprenorphine 8.6 MG / naloxone 2.1 MG Sublingual Tablet" // cdc-bup
* $rxnorm#1597575 "buprenorphine 8.6 MG / naloxone 2.1 MG Sublingual Tablet [Zubsolv]" // cdc-bup
* $rxnorm#864761 "methadone hydrochloride 1 MG/ML Oral Solution" // cdc-methadone
* $rxnorm#864706 "methadone hydrochloride 10 MG Oral Tablet" // cdc-methadone
* $rxnorm#864708 "methadone hydrochloride 10 MG Oral Tablet [Dolophine]" // cdc-methadone
* $rxnorm#864712 "methadone hydrochloride 10 MG Oral Tablet [Methadose]" // cdc-methadone
* $rxnorm#864714 "methadone hydrochloride 10 MG/ML Injectable Solution" // cdc-methadone
* $rxnorm#991147 "methadone hydrochloride 10 MG/ML Oral Solution" // cdc-methadone
* $rxnorm#991149 "methadone hydrochloride 10 MG/ML Oral Solution [Methadose]" // cdc-methadone
* $rxnorm#864769 "methadone hydrochloride 2 MG/ML Oral Solution" // cdc-methadone
* $rxnorm#864984 "methadone hydrochloride 20 MG/ML Oral Solution" // cdc-methadone
* $rxnorm#864978 "methadone hydrochloride 40 MG Tablet for Oral Suspension" // cdc-methadone
* $rxnorm#1990745 "methadone hydrochloride 40 MG Tablet for Oral Suspension [Diskets]" // cdc-methadone
* $rxnorm#864980 "methadone hydrochloride 40 MG Tablet for Oral Suspension [Methadose]" // cdc-methadone
* $rxnorm#864718 "methadone hydrochloride 5 MG Oral Tablet" // cdc-methadone
* $rxnorm#864720 "methadone hydrochloride 5 MG Oral Tablet [Dolophine]" // cdc-methadone
* $rxnorm#864737 "methadone hydrochloride 5 MG Oral Tablet [Methadose]" // cdc-methadone
* $rxnorm#864826 "methadone hydrochloride 5 MG/ML Oral Solution" // cdc-methadone
* $rxnorm#637213 "naltrexone 380 MG Injection" // vsac-oa
* $rxnorm#1483744 "naltrexone hydrochloride 50 MG Oral Tablet" // vsac-oa
