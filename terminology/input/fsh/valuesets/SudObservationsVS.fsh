// Sources (checked 2026-12 with the project's search tool):
//  [us-core] HL7 US Core: Questionnaire AUDIT-C (code 72109-2) and example Observation AUDIT-C-item-example-75626-2
//      ("Total score [AUDIT-C]").
//  [synthea] Synthea 3.3.0 module encounter/substance_use_screening.json: DiagnosticReports 72109-2 and 82666-9 with
//      Observations 75626-2 and 82667-7 "Total score [DAST-10]" (displays as Synthea writes them); the DAST-10 codes
//      are used the same way by independent FHIR implementations, but loinc.org itself could not be read offline.
//  [cdc-uds] CDC Opioid Prescribing Support IG, ValueSet all-urine-drug-screening-tests (expansion 2023-11-04,
//      github.com/cqframework/opioid-cds-r4 input/vocabulary/valueset/all-urine-drug-screening-tests.json): of its
//      1,669 LOINC codes only the drugs-of-abuse panels and the SAMHSA-method tests are here. The rest (single
//      analytes, therapeutic drug monitoring, antipsychotic and benzodiazepine panels) also serve pain management
//      and prescribing, and a result of one of them is not by itself a SUD record.
ValueSet: SudObservationsVS
Id: sud-observations
Title: "Substance Use Disorder Screening and Toxicology"
Description: "LOINC codes of substance use screening instruments (AUDIT-C, DAST-10: panels and total scores) and of drugs-of-abuse toxicology (drug screen panels, SAMHSA screen and confirm methods) whose results are SUD records. Sources per code in valuesets/SudObservationsVS.fsh."
* insert TerminologyMetadata
* $loinc#72109-2 "Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]" // us-core, synthea
* $loinc#75626-2 "Total score [AUDIT-C]" // us-core, synthea
* $loinc#82666-9 "Drug Abuse Screening Test-10 [DAST-10]" // synthea
* $loinc#82667-7 "Total score [DAST-10]" // synthea
* $loinc#65750-2 "Drugs of abuse 5 panel - Urine by Screen method" // cdc-uds, synthea
* $loinc#24349-3 "Drugs of abuse 5 panel - Urine" // cdc-uds
* $loinc#51782-1 "Drugs of abuse 7 and Alcohol and Tricyclics panel - Urine by Screen method" // cdc-uds
* $loinc#69739-1 "Drugs of abuse panel - Urine by Screen method" // cdc-uds
* $loinc#87428-9 "Drugs of abuse screen W Reflex confirm panel - Urine" // cdc-uds
* $loinc#55419-6 "Home drug screening panel - Urine" // cdc-uds
* $loinc#8238-8 "Phencyclidine [Presence] in Urine by SAMHSA screen method" // cdc-uds
* $loinc#8237-0 "Phencyclidine [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#8193-5 "Benzoylecgonine [Presence] in Urine by SAMHSA screen method" // cdc-uds
* $loinc#8192-7 "Benzoylecgonine [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#21386-8 "Methamphetamine [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#8152-1 "Amphetamines [Presence] in Urine by SAMHSA screen method" // cdc-uds
* $loinc#8151-3 "Amphetamines [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#8175-2 "Tetrahydrocannabinol [Presence] in Urine by SAMHSA screen method" // cdc-uds
* $loinc#8174-5 "Tetrahydrocannabinol [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#13648-1 "Morphine [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#13641-6 "Codeine [Presence] in Urine by SAMHSA confirm method" // cdc-uds
* $loinc#8222-2 "Opiates [Presence] in Urine by SAMHSA screen method" // cdc-uds
* $loinc#8221-4 "Opiates [Presence] in Urine by SAMHSA confirm method" // cdc-uds
