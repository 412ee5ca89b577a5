// Sources of every RxNorm code below (each RxCUI and display copied from a published expansion, RxNorm 2023-03):
//  [cdc-bup-methadone] CDC Opioid Prescribing Support IG, ValueSet buprenorphine-and-methadone-medications
//      (http://fhir.org/guides/cdc/opioid-cds/ValueSet/buprenorphine-and-methadone-medications, expansion 2023-05-25,
//      github.com/cqframework/opioid-cds-r4 input/vocabulary/valueset/buprenorphine-and-methadone-medications.json);
//      its rules text names the ingredients buprenorphine = 1819 and methadone = 6813 (TTY=IN).
//  [cdc-naloxone] the same IG, ValueSet naloxone-medications (expansion 2023-05-25); its rules text names the
//      ingredient naloxone = 7242 (TTY=IN).
//  [vsac-opiate-antagonists] VSAC value set "Opiate Antagonists" 2.16.840.1.113883.3.464.1003.198.12.1132
//      (eCQM CMS137v10, expansion "eCQM Update 2021-05-06"): naltrexone 380 MG Injection = 637213,
//      naltrexone hydrochloride 50 MG Oral Tablet = 1483744, bupropion/naltrexone ER = 1551468.
// Not in the map because they could not be verified here: the naltrexone ingredient code, Brixadi and newer
// buprenorphine injections, NDC codes (the sample HL7 v2 messages in shared/data/hl7v2 carry no RXO/RXE/RXD/RXA
// segments, so no other code system is needed for them). Buprenorphine patches, buccal films without naloxone
// (Belbuca) and short-acting buprenorphine injections are listed as unmatched: they treat pain, not opioid use
// disorder. A code the map does not list leaves the role to the drug-name fallback of the routes.
Instance: medication-role
InstanceOf: ConceptMap
Usage: #definition
Title: "RxNorm Medication to Release Medication Role"
Description: "Gives an RxNorm-coded medication its role in a release handoff: medication for opioid use disorder (buprenorphine, buprenorphine/naloxone, methadone, naltrexone) or take-home naloxone. Codes absent from the map have no special role. Products that a drug-name word match would misclassify (buprenorphine for pain, naltrexone or naloxone in other combinations) are listed as unmatched."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/medication-role"
* name = "MedicationRole"
* title = "RxNorm Medication to Release Medication Role"
* description = "Gives an RxNorm-coded medication its role in a release handoff: medication for opioid use disorder (buprenorphine, buprenorphine/naloxone, methadone, naltrexone) or take-home naloxone. Codes absent from the map have no special role. Products that a drug-name word match would misclassify (buprenorphine for pain, naltrexone or naloxone in other combinations) are listed as unmatched."
* sourceCanonical = "http://www.nlm.nih.gov/research/umls/rxnorm?fhir_vs"
* targetCanonical = "https://continuumcare.org/fhir/ValueSet/medication-role"
* group[0].source = "http://www.nlm.nih.gov/research/umls/rxnorm"
* group[0].target = "https://continuumcare.org/fhir/CodeSystem/medication-role"
* group[0].element[+].code = #1819
* group[0].element[=].display = "buprenorphine"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Ingredient code: buprenorphine is also an analgesic (patch, buccal film, injection); a handoff that names only the ingredient is taken as MOUD."
* group[0].element[+].code = #6813
* group[0].element[=].display = "methadone"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Ingredient code: methadone is also an analgesic; a handoff that names only the ingredient is taken as MOUD."
* group[0].element[+].code = #7242
* group[0].element[=].display = "naloxone"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #351264
* group[0].element[=].display = "buprenorphine 2 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #351265
* group[0].element[=].display = "buprenorphine 8 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1996184
* group[0].element[=].display = "0.5 ML buprenorphine 200 MG/ML Prefilled Syringe"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1996189
* group[0].element[=].display = "0.5 ML buprenorphine 200 MG/ML Prefilled Syringe [Sublocade]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1996192
* group[0].element[=].display = "1.5 ML buprenorphine 200 MG/ML Prefilled Syringe"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1996193
* group[0].element[=].display = "1.5 ML buprenorphine 200 MG/ML Prefilled Syringe [Sublocade]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1797650
* group[0].element[=].display = "buprenorphine 74.2 MG Drug Implant"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1797655
* group[0].element[=].display = "buprenorphine 74.2 MG Drug Implant [Probuphine]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #351266
* group[0].element[=].display = "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #351267
* group[0].element[=].display = "buprenorphine 8 MG / naloxone 2 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1010600
* group[0].element[=].display = "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1010603
* group[0].element[=].display = "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film [Suboxone]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1307056
* group[0].element[=].display = "buprenorphine 4 MG / naloxone 1 MG Sublingual Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1307058
* group[0].element[=].display = "buprenorphine 4 MG / naloxone 1 MG Sublingual Film [Suboxone]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1010604
* group[0].element[=].display = "buprenorphine 8 MG / naloxone 2 MG Sublingual Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1010606
* group[0].element[=].display = "buprenorphine 8 MG / naloxone 2 MG Sublingual Film [Suboxone]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1307061
* group[0].element[=].display = "buprenorphine 12 MG / naloxone 3 MG Sublingual Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1307063
* group[0].element[=].display = "buprenorphine 12 MG / naloxone 3 MG Sublingual Film [Suboxone]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1864412
* group[0].element[=].display = "buprenorphine 0.7 MG / naloxone 0.18 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1864414
* group[0].element[=].display = "buprenorphine 0.7 MG / naloxone 0.18 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1431076
* group[0].element[=].display = "buprenorphine 1.4 MG / naloxone 0.36 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1431083
* group[0].element[=].display = "buprenorphine 1.4 MG / naloxone 0.36 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1666338
* group[0].element[=].display = "buprenorphine 2.9 MG / naloxone 0.71 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1666385
* group[0].element[=].display = "buprenorphine 2.9 MG / naloxone 0.71 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1431102
* group[0].element[=].display = "buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1431104
* group[0].element[=].display = "buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1597573
* group[0].element[=].display = "buprenorphine 8.6 MG / naloxone 2.1 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1597575
* group[0].element[=].display = "buprenorphine 8.6 MG / naloxone 2.1 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1597568
* group[0].element[=].display = "buprenorphine 11.4 MG / naloxone 2.9 MG Sublingual Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1597570
* group[0].element[=].display = "buprenorphine 11.4 MG / naloxone 2.9 MG Sublingual Tablet [Zubsolv]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1542390
* group[0].element[=].display = "buprenorphine 2.1 MG / naloxone 0.3 MG Buccal Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1542396
* group[0].element[=].display = "buprenorphine 2.1 MG / naloxone 0.3 MG Buccal Film [Bunavail]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1544851
* group[0].element[=].display = "buprenorphine 4.2 MG / naloxone 0.7 MG Buccal Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1544853
* group[0].element[=].display = "buprenorphine 4.2 MG / naloxone 0.7 MG Buccal Film [Bunavail]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1544854
* group[0].element[=].display = "buprenorphine 6.3 MG / naloxone 1 MG Buccal Film"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1544856
* group[0].element[=].display = "buprenorphine 6.3 MG / naloxone 1 MG Buccal Film [Bunavail]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #864761
* group[0].element[=].display = "methadone hydrochloride 1 MG/ML Oral Solution"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Oral methadone is also prescribed for pain; in a release handoff it is taken as MOUD."
* group[0].element[+].code = #864769
* group[0].element[=].display = "methadone hydrochloride 2 MG/ML Oral Solution"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Oral methadone is also prescribed for pain; in a release handoff it is taken as MOUD."
* group[0].element[+].code = #864826
* group[0].element[=].display = "methadone hydrochloride 5 MG/ML Oral Solution"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Oral methadone is also prescribed for pain; in a release handoff it is taken as MOUD."
* group[0].element[+].code = #991147
* group[0].element[=].display = "methadone hydrochloride 10 MG/ML Oral Solution"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #991149
* group[0].element[=].display = "methadone hydrochloride 10 MG/ML Oral Solution [Methadose]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #864984
* group[0].element[=].display = "methadone hydrochloride 20 MG/ML Oral Solution"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #864718
* group[0].element[=].display = "methadone hydrochloride 5 MG Oral Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864720
* group[0].element[=].display = "methadone hydrochloride 5 MG Oral Tablet [Dolophine]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864737
* group[0].element[=].display = "methadone hydrochloride 5 MG Oral Tablet [Methadose]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864706
* group[0].element[=].display = "methadone hydrochloride 10 MG Oral Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864708
* group[0].element[=].display = "methadone hydrochloride 10 MG Oral Tablet [Dolophine]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864712
* group[0].element[=].display = "methadone hydrochloride 10 MG Oral Tablet [Methadose]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Methadone tablets are also prescribed for pain; in a release handoff they are taken as MOUD."
* group[0].element[+].code = #864978
* group[0].element[=].display = "methadone hydrochloride 40 MG Tablet for Oral Suspension"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #864980
* group[0].element[=].display = "methadone hydrochloride 40 MG Tablet for Oral Suspension [Methadose]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1990745
* group[0].element[=].display = "methadone hydrochloride 40 MG Tablet for Oral Suspension [Diskets]"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1483744
* group[0].element[=].display = "naltrexone hydrochloride 50 MG Oral Tablet"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Oral naltrexone also treats alcohol use disorder; in a release handoff it is taken as MOUD."
* group[0].element[+].code = #637213
* group[0].element[=].display = "naltrexone 380 MG Injection"
* group[0].element[=].target.code = #moud
* group[0].element[=].target.display = "Medication for opioid use disorder"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "Extended-release naltrexone also treats alcohol use disorder; in a release handoff it is taken as MOUD."
* group[0].element[+].code = #1551468
* group[0].element[=].display = "12 HR bupropion hydrochloride 90 MG / naltrexone hydrochloride 8 MG Extended Release Oral Tablet"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A weight-management combination: it contains naltrexone but is not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1725059
* group[0].element[=].display = "naloxone hydrochloride 40 MG/ML Nasal Spray"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1725064
* group[0].element[=].display = "naloxone hydrochloride 40 MG/ML Nasal Spray [Narcan]"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1870933
* group[0].element[=].display = "naloxone hydrochloride 20 MG/ML Nasal Spray"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1870935
* group[0].element[=].display = "naloxone hydrochloride 20 MG/ML Nasal Spray [Narcan]"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #2540703
* group[0].element[=].display = "naloxone hydrochloride 80 MG/ML Nasal Spray"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #2540709
* group[0].element[=].display = "naloxone hydrochloride 80 MG/ML Nasal Spray [Kloxxado]"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1191222
* group[0].element[=].display = "naloxone hydrochloride 0.4 MG/ML Injectable Solution"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1191228
* group[0].element[=].display = "naloxone hydrochloride 1 MG/ML Injectable Solution"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1659929
* group[0].element[=].display = "1 ML naloxone hydrochloride 0.4 MG/ML Injection"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1191234
* group[0].element[=].display = "1 ML naloxone hydrochloride 0.4 MG/ML Cartridge"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1191250
* group[0].element[=].display = "2 ML naloxone hydrochloride 1 MG/ML Prefilled Syringe"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1495293
* group[0].element[=].display = "0.4 ML naloxone hydrochloride 1 MG/ML Auto-Injector"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1855730
* group[0].element[=].display = "0.4 ML naloxone hydrochloride 5 MG/ML Auto-Injector"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #1855732
* group[0].element[=].display = "0.4 ML naloxone hydrochloride 5 MG/ML Auto-Injector [Evzio]"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #2589612
* group[0].element[=].display = "0.5 ML naloxone hydrochloride 10 MG/ML Prefilled Syringe"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #2589618
* group[0].element[=].display = "0.5 ML naloxone hydrochloride 10 MG/ML Prefilled Syringe [Zimhi]"
* group[0].element[=].target.code = #naloxone
* group[0].element[=].target.display = "Naloxone for overdose reversal"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #312289
* group[0].element[=].display = "naloxone 0.5 MG / pentazocine 50 MG Oral Tablet"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An analgesic with naloxone as an abuse deterrent: not take-home naloxone for overdose reversal (a drug-name word match would have called it naloxone)."
* group[0].element[+].code = #904870
* group[0].element[=].display = "168 HR buprenorphine 0.01 MG/HR Transdermal System"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #904874
* group[0].element[=].display = "168 HR buprenorphine 0.01 MG/HR Transdermal System [BuTrans]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #904876
* group[0].element[=].display = "168 HR buprenorphine 0.02 MG/HR Transdermal System"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #904878
* group[0].element[=].display = "168 HR buprenorphine 0.02 MG/HR Transdermal System [BuTrans]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #904880
* group[0].element[=].display = "168 HR buprenorphine 0.005 MG/HR Transdermal System"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #904882
* group[0].element[=].display = "168 HR buprenorphine 0.005 MG/HR Transdermal System [BuTrans]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1432969
* group[0].element[=].display = "168 HR buprenorphine 0.015 MG/HR Transdermal System"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1432971
* group[0].element[=].display = "168 HR buprenorphine 0.015 MG/HR Transdermal System [BuTrans]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1542997
* group[0].element[=].display = "168 HR buprenorphine 0.0075 MG/HR Transdermal System"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1542999
* group[0].element[=].display = "168 HR buprenorphine 0.0075 MG/HR Transdermal System [BuTrans]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine transdermal patch for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716057
* group[0].element[=].display = "buprenorphine 0.15 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716063
* group[0].element[=].display = "buprenorphine 0.15 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716065
* group[0].element[=].display = "buprenorphine 0.3 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716067
* group[0].element[=].display = "buprenorphine 0.3 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716069
* group[0].element[=].display = "buprenorphine 0.45 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716071
* group[0].element[=].display = "buprenorphine 0.45 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716073
* group[0].element[=].display = "buprenorphine 0.6 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716075
* group[0].element[=].display = "buprenorphine 0.6 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716077
* group[0].element[=].display = "buprenorphine 0.075 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716079
* group[0].element[=].display = "buprenorphine 0.075 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716081
* group[0].element[=].display = "buprenorphine 0.75 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716083
* group[0].element[=].display = "buprenorphine 0.75 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716086
* group[0].element[=].display = "buprenorphine 0.9 MG Buccal Film"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1716090
* group[0].element[=].display = "buprenorphine 0.9 MG Buccal Film [Belbuca]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "A buprenorphine buccal film without naloxone, for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #238129
* group[0].element[=].display = "1 ML buprenorphine 0.3 MG/ML Injection"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "Short-acting buprenorphine injection for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #205533
* group[0].element[=].display = "1 ML buprenorphine 0.3 MG/ML Injection [Buprenex]"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "Short-acting buprenorphine injection for pain: not MOUD (a drug-name word match would have called it MOUD)."
* group[0].element[+].code = #1655032
* group[0].element[=].display = "1 ML buprenorphine 0.3 MG/ML Cartridge"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "Short-acting buprenorphine injection for pain: not MOUD (a drug-name word match would have called it MOUD)."
