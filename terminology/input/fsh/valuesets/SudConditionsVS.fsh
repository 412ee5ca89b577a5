// Sources (checked 2026-12 with the project's search tool; no terminology server is reachable here):
//  [cdc-2022] CDC Opioid Prescribing Support IG, ValueSet conditions-documenting-substance-misuse
//      (http://fhir.org/guides/cdc/opioid-cds/ValueSet/conditions-documenting-substance-misuse), expansion of
//      2022-05-09 on SNOMED CT US edition 2021-09-01 (1,150 codes; github.com/cqframework/opioid-cds-r4
//      archive/input/vocabulary/valueset/archive/valueset-conditions-documenting-substance-misuse.json).
//  [cdc-2025] the same ValueSet, expansion of 2025-04-09 on SNOMED CT US edition 2025-03-01 (936 codes;
//      input/vocabulary/valueset/conditions-documenting-substance-misuse.json). Its roots: is-a 1254812006
//      Substance dependence, 228366006 Drug abuse behaviour, 66214007 Substance abuse, 191816009 Drug dependence,
//      361055000 Misuses drugs, 719848005 Disorder caused by alcohol, 363101005 Drug withdrawal, 91388009
//      Psychoactive substance abuse, ... ("any finding or condition that indicate problematic misuse of a substance
//      other than tobacco or laxatives, including history of").
//  [synthea] Synthea 3.3.0 module encounter/substance_use_screening.json (a positive AUDIT-C), for
//      10939881000119105 "Unhealthy alcohol drinking behavior (finding)", a SNOMED CT US extension concept.
// SNOMED CT below: every SNOMED code of [cdc-2022] or [cdc-2025] (so concepts inactivated after 2021, such as
// 6525002 "Dependent drug abuse" and 5602001 "Opioid abuse" that Synthea still writes, stay in), without those
// that do not document a substance use disorder of the patient:
//  - overdose, poisoning or toxic effect alone (42 CFR 2.12(e)(4)(ii): a diagnosis of overdose or intoxication
//    that shows the patient is not a substance abuser is not a SUD diagnosis; the SUD itself is coded separately);
//    Synthea's 55680006 "Drug overdose" is in neither expansion either;
//  - tobacco, nicotine and caffeine (42 CFR 2.11: substance use disorder excludes tobacco and caffeine);
//  - abuse of non-psychoactive substances (ICD-10 F55: laxatives, antacids, vitamins, diuretics, herbal remedies,
//    steroids and hormones, non-psychotropic analgesics, antidepressants; SSRI discontinuation, ergotamine and
//    steroid withdrawal);
//  - effects on a fetus or newborn of the mother's use, and phenobarbital embryopathy (not the patient's use);
//  - 413096007 Never injecting drug user, 707848009 Patient denies drug use, 702771005 Illicit drug use unknown,
//    460751000124103 Has access to opioid, 1290542000 Unintentional misuse of medication, 308692003
//    Alcohol-induced flushing (no use, unknown use, a medication error, an intolerance).
// ICD-10-CM and ICD-10: categories F10-F16, F18, F19 and every subcode (is-a: the code's prefix), i.e. mental and
// behavioural disorders due to psychoactive substance use without F17 (tobacco, 42 CFR 2.11); ICD-10-CM Z71.41 and
// Z71.51, counseling and surveillance of an alcoholic / a drug abuser ([cdc-2022] and [cdc-2025] list both).
ValueSet: SudConditionsVS
Id: sud-conditions
Title: "Substance Use Disorder Conditions"
Description: "Diagnoses, problems and findings that document a substance use disorder of the patient (42 CFR Part 2): SNOMED CT concepts enumerated from the published expansions of the CDC Opioid Prescribing Support value set conditions-documenting-substance-misuse (2022-05-09 and 2025-04-09, SNOMED CT US edition) without overdose/poisoning, tobacco, nicotine, caffeine, non-psychoactive substances and effects on a fetus or newborn, plus Synthea's 10939881000119105; ICD-10-CM and ICD-10 F10-F16, F18, F19 with all subcodes; ICD-10-CM Z71.41 and Z71.51. No terminology server is used: SNOMED CT subsumption is this enumeration. Sources per code in valuesets/SudConditionsVS.fsh."
* insert TerminologyMetadata
* $sct#184004 "Withdrawal arrhythmia (disorder)" // 2022
* $sct#281004 "Dementia associated with alcoholism" // 2022+2025
* $sct#2043009 "Alcoholic gastritis" // 2025
* $sct#2403008 "Psychoactive substance dependence" // 2022+2025
* $sct#5002000 "Inhalant dependence" // 2022+2025
* $sct#5602001 "Opioid abuse (disorder)" // 2022
* $sct#6525002 "Dependent drug abuse (disorder)" // 2022
* $sct#7052005 "Alcohol hallucinosis" // 2022+2025
* $sct#7071007 "Phencyclidine abuse" // 2022+2025
* $sct#7200002 "Alcoholism" // 2022+2025
* $sct#7916009 "Alcoholic polyneuropathy" // 2025
* $sct#8635005 "Alcohol withdrawal delirium (disorder)" // 2022
* $sct#9769006 "Drug habituation (disorder)" // 2022
* $sct#9953008 "Acute alcoholic liver disease" // 2022+2025
* $sct#10028000 "Uncomplicated sedative, hypnotic AND/OR anxiolytic withdrawal (disorder)" // 2022
* $sct#15167005 "Alcohol abuse" // 2022+2025
* $sct#18653004 "Alcohol intoxication delirium" // 2022+2025
* $sct#19303008 "Alcohol myopathy" // 2022+2025
* $sct#21007002 "Wernicke's disease" // 2022+2025
* $sct#21647008 "Amphetamine dependence" // 2022+2025
* $sct#25702006 "Alcohol intoxication" // 2022+2025
* $sct#26416006 "Drug abuse (disorder)" // 2022
* $sct#29212009 "Alcohol-induced organic mental disorder (disorder)" // 2022
* $sct#31956009 "Cocaine dependence" // 2022+2025
* $sct#34938008 "Alcohol-induced anxiety disorder" // 2022+2025
* $sct#37344009 "Cannabis abuse" // 2022+2025
* $sct#38247002 "Hallucinogen dependence" // 2022+2025
* $sct#41083005 "Alcohol-induced sleep disorder (disorder)" // 2022
* $sct#41309000 "Alcoholic liver damage" // 2022+2025
* $sct#42344001 "Alcohol-induced psychosis (disorder)" // 2022
* $sct#44047000 "Zieve's syndrome" // 2022+2025
* $sct#44870007 "Ex-drug user" // 2022+2025
* $sct#49540005 "Non dependent drug abuse (disorder)" // 2022
* $sct#50325005 "Alcoholic fatty liver" // 2022+2025
* $sct#51339003 "Polysubstance dependence" // 2022+2025
* $sct#53936005 "Alcohol-induced mood disorder (disorder)" // 2022
* $sct#58727001 "PCP dependence" // 2022+2025
* $sct#61144001 "Alcohol-induced psychotic disorder with delusions" // 2022+2025
* $sct#64386003 "Sedative abuse" // 2022+2025
* $sct#66214007 "Substance abuse" // 2022+2025
* $sct#66590003 "Alcohol dependence" // 2022+2025
* $sct#69482004 "Korsakoff's psychosis" // 2022+2025
* $sct#70340006 "Inhalant abuse (disorder)" // 2022
* $sct#70545002 "Narcotic drug user" // 2022+2025
* $sct#73097000 "Alcohol amnestic disorder" // 2022+2025
* $sct#74851005 "Hallucinogen abuse" // 2022+2025
* $sct#74934004 "Psychoactive substance-induced withdrawal syndrome (disorder)" // 2022
* $sct#75544000 "Opioid dependence" // 2022+2025
* $sct#78267003 "Cocaine abuse" // 2022+2025
* $sct#78358001 "Amphetamine withdrawal (disorder)" // 2022
* $sct#80868005 "Cocaine withdrawal (disorder)" // 2022
* $sct#82047000 "Diarrhea caused by alcohol intake (disorder)" // 2022+2025
* $sct#84758004 "Amphetamine abuse (disorder)" // 2022
* $sct#85005007 "Cannabis dependence" // 2022+2025
* $sct#85561006 "Uncomplicated alcohol withdrawal (disorder)" // 2022
* $sct#87132004 "Opioid withdrawal (disorder)" // 2022
* $sct#87810006 "Megaloblastic anemia due to alcoholism" // 2022+2025
* $sct#91388009 "Psychoactive substance abuse" // 2022+2025
* $sct#105546006 "Occasional drug user" // 2022+2025
* $sct#105549004 "Volatile solvent abuser" // 2022+2025
* $sct#105550004 "Former volatile solvent user" // 2022+2025
* $sct#110281001 "Chronic drug abuse" // 2022+2025
* $sct#191471000 "Korsakov's alcoholic psychosis with peripheral neuritis" // 2022+2025
* $sct#191475009 "Chronic alcoholic brain syndrome" // 2022+2025
* $sct#191476005 "Alcohol withdrawal hallucinosis (disorder)" // 2022
* $sct#191478006 "Alcoholic paranoia" // 2022+2025
* $sct#191480000 "Alcohol withdrawal syndrome (disorder)" // 2022
* $sct#191802004 "Acute alcoholic intoxication in alcoholism (disorder)" // 2022
* $sct#191804003 "Continuous acute alcoholic intoxication in alcoholism (disorder)" // 2022
* $sct#191805002 "Episodic acute alcoholic intoxication in alcoholism (disorder)" // 2022
* $sct#191806001 "Acute alcoholic intoxication in remission, in alcoholism (disorder)" // 2022
* $sct#191811004 "Continuous chronic alcoholism" // 2022+2025
* $sct#191812006 "Episodic chronic alcoholism" // 2022+2025
* $sct#191813001 "Chronic alcoholism in remission" // 2022+2025
* $sct#191816009 "Drug dependence" // 2022+2025
* $sct#191819002 "Continuous opioid dependence" // 2022+2025
* $sct#191820008 "Episodic opioid dependence" // 2022+2025
* $sct#191821007 "Opioid dependence in remission" // 2022+2025
* $sct#191825003 "Hypnotic or anxiolytic dependence, continuous (disorder)" // 2022
* $sct#191826002 "Hypnotic or anxiolytic dependence, episodic (disorder)" // 2022
* $sct#191827006 "Hypnotic or anxiolytic dependence in remission (disorder)" // 2022
* $sct#191831000 "Cocaine dependence, continuous" // 2022+2025
* $sct#191832007 "Cocaine dependence, episodic" // 2022+2025
* $sct#191833002 "Cocaine dependence in remission" // 2022+2025
* $sct#191837001 "Cannabis dependence, continuous" // 2022+2025
* $sct#191838006 "Cannabis dependence, episodic" // 2022+2025
* $sct#191839003 "Cannabis dependence in remission" // 2022+2025
* $sct#191849000 "Hallucinogen dependence, continuous" // 2022+2025
* $sct#191850000 "Hallucinogen dependence, episodic" // 2022+2025
* $sct#191851001 "Hallucinogen dependence in remission" // 2022+2025
* $sct#191853003 "Glue sniffing dependence" // 2022+2025
* $sct#191855005 "Glue sniffing dependence, continuous" // 2022+2025
* $sct#191856006 "Glue sniffing dependence, episodic" // 2022+2025
* $sct#191857002 "Glue sniffing dependence in remission" // 2022+2025
* $sct#191865004 "Combined opioid with non-opioid drug dependence (disorder)" // 2022
* $sct#191867007 "Combined opioid with non-opioid drug dependence, continuous (disorder)" // 2022
* $sct#191868002 "Combined opioid with non-opioid drug dependence, episodic (disorder)" // 2022
* $sct#191869005 "Combined opioid with non-opioid drug dependence in remission (disorder)" // 2022
* $sct#191871005 "Combined drug dependence, excluding opioids (disorder)" // 2022
* $sct#191873008 "Combined drug dependence, excluding opioid, continuous (disorder)" // 2022
* $sct#191874002 "Combined drug dependence, excluding opioid, episodic (disorder)" // 2022
* $sct#191875001 "Combined drug dependence, excluding opioid, in remission (disorder)" // 2022
* $sct#191882002 "Nondependent alcohol abuse, continuous" // 2022+2025
* $sct#191883007 "Nondependent alcohol abuse, episodic" // 2022+2025
* $sct#191884001 "Nondependent alcohol abuse in remission" // 2022+2025
* $sct#191891003 "Nondependent cannabis abuse" // 2022+2025
* $sct#191893000 "Nondependent cannabis abuse, continuous" // 2022+2025
* $sct#191894006 "Nondependent cannabis abuse, episodic" // 2022+2025
* $sct#191895007 "Nondependent cannabis abuse in remission" // 2022+2025
* $sct#191899001 "Nondependent hallucinogen abuse, continuous" // 2022+2025
* $sct#191900006 "Nondependent hallucinogen abuse, episodic" // 2022+2025
* $sct#191901005 "Nondependent hallucinogen abuse in remission" // 2022+2025
* $sct#191905001 "Nondependent hypnotic or anxiolytic abuse, continuous (disorder)" // 2022
* $sct#191906000 "Nondependent hypnotic or anxiolytic abuse, episodic (disorder)" // 2022
* $sct#191907009 "Nondependent hypnotic or anxiolytic abuse in remission (disorder)" // 2022
* $sct#191909007 "Nondependent opioid abuse (disorder)" // 2022
* $sct#191912005 "Nondependent opioid abuse, continuous (disorder)" // 2022
* $sct#191913000 "Nondependent opioid abuse, episodic (disorder)" // 2022
* $sct#191914006 "Nondependent opioid abuse in remission (disorder)" // 2022
* $sct#191916008 "Nondependent cocaine abuse" // 2022+2025
* $sct#191918009 "Nondependent cocaine abuse, continuous" // 2022+2025
* $sct#191919001 "Nondependent cocaine abuse, episodic" // 2022+2025
* $sct#191920007 "Nondependent cocaine abuse in remission" // 2022+2025
* $sct#191924003 "Nondependent amphetamine or psychostimulant abuse, continuous (disorder)" // 2022
* $sct#191925002 "Nondependent amphetamine or psychostimulant abuse, episodic (disorder)" // 2022
* $sct#191934007 "Nondependent mixed drug abuse (disorder)" // 2022
* $sct#191936009 "Nondependent mixed drug abuse, continuous (disorder)" // 2022
* $sct#191937000 "Nondependent mixed drug abuse, episodic (disorder)" // 2022
* $sct#191938005 "Nondependent mixed drug abuse in remission (disorder)" // 2022
* $sct#191939002 "Misuse of prescription only drugs" // 2022+2025
* $sct#192811002 "Alcoholic encephalopathy" // 2022+2025
* $sct#199252002 "Drug dependence during pregnancy - baby delivered (disorder)" // 2022
* $sct#199253007 "Drug dependence in the puerperium - baby delivered (disorder)" // 2022
* $sct#199254001 "Drug dependence during pregnancy - baby not yet delivered (disorder)" // 2022
* $sct#199255000 "Drug dependence in the puerperium - baby delivered during previous episode of care (disorder)" // 2022
* $sct#226034001 "Injecting drug user" // 2022+2025
* $sct#228366006 "Drug abuse behaviour" // 2022+2025
* $sct#228371004 "Long-term drug misuser" // 2022+2025
* $sct#228372006 "Poly-drug misuser" // 2022+2025
* $sct#228373001 "Drug addict" // 2022+2025
* $sct#228374007 "Notified addict" // 2022+2025
* $sct#228375008 "Misuses drugs orally" // 2022+2025
* $sct#228376009 "Inhales drugs" // 2022+2025
* $sct#228377000 "Smokes drugs" // 2022+2025
* $sct#228378005 "Smokes drugs in cigarette form" // 2022+2025
* $sct#228379002 "Smokes drugs through a pipe" // 2022+2025
* $sct#228381000 "Sniffs drugs" // 2022+2025
* $sct#228382007 "Misuses drugs vaginally" // 2022+2025
* $sct#228383002 "Misuses drugs rectally" // 2022+2025
* $sct#228384008 "Misuses drugs sublingually" // 2022+2025
* $sct#228386005 "Injects drugs subcutaneously" // 2022+2025
* $sct#228387001 "Injects drugs intramuscularly" // 2022+2025
* $sct#228388006 "Injects drugs intravenously" // 2022+2025
* $sct#228389003 "Groin injector" // 2022+2025
* $sct#228395002 "Sharing of drug injecting equipment" // 2022+2025
* $sct#228397005 "Shares drug equipment" // 2022+2025
* $sct#228398000 "Frontloading" // 2022+2025
* $sct#228399008 "Shares syringes" // 2022+2025
* $sct#228400001 "Shares needles" // 2022+2025
* $sct#228402009 "Cleans drug injection equipment" // 2022+2025
* $sct#228405006 "Obtains clean needles" // 2022+2025
* $sct#228406007 "Uses needle exchange scheme" // 2022+2025
* $sct#228407003 "Obtains clean syringes" // 2022+2025
* $sct#228410005 "Uses needle and syringe exchange scheme" // 2022+2025
* $sct#228417008 "Priority given to drug-related activities" // 2022+2025
* $sct#228418003 "Drug habit takes priority over social obligations" // 2022+2025
* $sct#228419006 "Drug habit takes priority over family obligations" // 2022+2025
* $sct#228420000 "Drug habit takes priority over financial obligations" // 2022+2025
* $sct#228427002 "Has a routine of drug-related activities" // 2022+2025
* $sct#228428007 "Follows same drug-related routine every day" // 2022+2025
* $sct#228430009 "Follows drug-related rituals" // 2022+2025
* $sct#228438002 "Craves for drugs" // 2022+2025
* $sct#228440007 "Drug-related offending behaviour" // 2022+2025
* $sct#228441006 "Dealing with drugs" // 2022+2025
* $sct#228442004 "Selling drugs" // 2022+2025
* $sct#228443009 "Buying drugs" // 2022+2025
* $sct#228444003 "Possession of drugs" // 2022+2025
* $sct#230353003 "Morel laminar sclerosis" // 2022+2025
* $sct#230443000 "Narcotic withdrawal epilepsy (disorder)" // 2022
* $sct#230800004 "Alcoholic coma" // 2022+2025
* $sct#231461004 "Hypnotic or anxiolytic abuse (disorder)" // 2022
* $sct#231462006 "Barbiturate abuse (disorder)" // 2022
* $sct#231467000 "Absinthe addiction" // 2022+2025
* $sct#231468005 "Lysergic acid diethylamide dependence" // 2022+2025
* $sct#231469002 "Mescaline dependence" // 2022+2025
* $sct#231470001 "Anxiolytic dependence" // 2022+2025
* $sct#231472009 "Barbiturate dependence" // 2022+2025
* $sct#231473004 "Benzodiazepine dependence" // 2022+2025
* $sct#231474005 "Diazepam dependence" // 2022+2025
* $sct#231475006 "Librium dependence (disorder)" // 2022
* $sct#231477003 "Heroin dependence" // 2022+2025
* $sct#231478008 "Methadone dependence" // 2022+2025
* $sct#231479000 "Morphine dependence" // 2022+2025
* $sct#231480002 "Opium dependence" // 2022+2025
* $sct#231481003 "Controlled drug dependence (disorder)" // 2022
* $sct#231482005 "Active drug dependence (disorder)" // 2022
* $sct#234341005 "Alcohol-related macrocytosis" // 2022+2025
* $sct#234366009 "Alcohol-related sideroblastic anaemia" // 2022+2025
* $sct#235875008 "Alcoholic hepatitis" // 2022+2025
* $sct#235880004 "Alcoholic fibrosis and sclerosis of liver" // 2022+2025
* $sct#235881000 "Alcoholic hepatic failure" // 2022+2025
* $sct#235942001 "Alcohol-induced acute pancreatitis" // 2022+2025
* $sct#235952002 "Alcohol-induced chronic pancreatitis" // 2022+2025
* $sct#237228001 "Pregnancy and drug dependence (disorder)" // 2022
* $sct#237641009 "Alcohol-induced hypoglycaemia" // 2022+2025
* $sct#237738005 "Alcohol-induced pseudo-Cushing's syndrome" // 2022+2025
* $sct#248119008 "Abuse of drugs to lose weight (disorder)" // 2022
* $sct#267206008 "Drug dependence during pregnancy, childbirth and the puerperium (disorder)" // 2022
* $sct#268640002 "Hypnotic or anxiolytic dependence (disorder)" // 2022
* $sct#268645007 "Nondependent alcohol abuse" // 2022+2025
* $sct#268646008 "Nondependent hallucinogen abuse" // 2022+2025
* $sct#268647004 "Nondependent hypnotic or anxiolytic abuse (disorder)" // 2022
* $sct#268648009 "Nondependent amphetamine or other psychostimulant abuse (disorder)" // 2022
* $sct#275471001 "Psychostimulant dependence" // 2025
* $sct#278363000 "Alcoholic macrocytosis" // 2022+2025
* $sct#284591009 "Persistent alcohol abuse" // 2022+2025
* $sct#300992002 "Alcohol-induced cerebellar ataxia" // 2022+2025
* $sct#304605000 "Methanol abuse" // 2022+2025
* $sct#307052004 "Illicit drug use" // 2022+2025
* $sct#307757001 "Chronic alcoholic hepatitis" // 2022+2025
* $sct#314539001 "Alcohol related optic neuropathy" // 2022+2025
* $sct#361049005 "Habitual drug user" // 2022+2025
* $sct#361055000 "Misuses drugs" // 2022+2025
* $sct#361150008 "Sedative, hypnotic AND/OR anxiolytic withdrawal delirium (disorder)" // 2022
* $sct#361151007 "Delirium due to sedative withdrawal (disorder)" // 2022
* $sct#361268000 "Alcohol-induced epilepsy" // 2022+2025
* $sct#361272001 "Cerebellar ataxia due to alcoholism" // 2022+2025
* $sct#361273006 "Alcoholic cerebellar degeneration" // 2022+2025
* $sct#363101005 "Drug withdrawal" // 2022+2025
* $sct#365984004 "Drug injection behavior - finding" // 2022+2025
* $sct#365985003 "Drug injecting equipment hygiene - finding" // 2022+2025
* $sct#371422002 "History of substance abuse (situation)" // 2022
* $sct#371434005 "History of alcohol abuse (situation)" // 2022
* $sct#371435006 "History of drug abuse (situation)" // 2022
* $sct#373613000 "Cleans own needles (finding)" // 2022+2025
* $sct#413295004 "Concerned about own drug use (finding)" // 2022+2025
* $sct#413329000 "Treated for drug use in last 12 months (finding)" // 2022+2025
* $sct#414874007 "Nondependent amphetamine or psychostimulant abuse in remission (disorder)" // 2022
* $sct#416479009 "Previously injecting drug user (finding)" // 2022+2025
* $sct#416751004 "Reduced drugs misuse (finding)" // 2022+2025
* $sct#417284009 "Current drug user (finding)" // 2022+2025
* $sct#417298001 "Abnormal craving for drugs (finding)" // 2022+2025
* $sct#417531009 "Excessive craving for drugs (finding)" // 2022+2025
* $sct#417697003 "Irresistible craving for drugs (finding)" // 2022+2025
* $sct#420054005 "Alcoholic cirrhosis (disorder)" // 2022+2025
* $sct#424848002 "Recreational drug user (finding)" // 2022+2025
* $sct#425339005 "Barbiturate withdrawal (disorder)" // 2022
* $sct#425533007 "Episodic drug abuse (disorder)" // 2022
* $sct#425841004 "Phencyclidine dependence in remission (disorder)" // 2022+2025
* $sct#425885002 "Continuous phencyclidine abuse" // 2022+2025
* $sct#426001001 "Fentanyl dependence (disorder)" // 2022+2025
* $sct#426095000 "Continuous inhalant abuse (disorder)" // 2022
* $sct#426590003 "Drug abuse, continuous (disorder)" // 2022
* $sct#426873000 "Methamphetamine dependence (disorder)" // 2022+2025
* $sct#427205009 "Amphetamine abuse, continuous (disorder)" // 2022
* $sct#427229002 "Episodic inhalant abuse (disorder)" // 2022
* $sct#427327003 "Sedative dependence (disorder)" // 2022+2025
* $sct#428370001 "Psychostimulant withdrawal (disorder)" // 2022
* $sct#428406005 "Benzodiazepine misuse (finding)" // 2022+2025
* $sct#428493006 "Crack cocaine misuse (finding)" // 2022+2025
* $sct#428495004 "Solvent misuse (finding)" // 2022+2025
* $sct#428623008 "Barbiturate misuse (finding)" // 2022+2025
* $sct#428659002 "Amphetamine misuse (finding)" // 2022+2025
* $sct#428819003 "Opiate misuse (finding)" // 2022+2025
* $sct#428823006 "Cannabis misuse (finding)" // 2022+2025
* $sct#429299000 "Combined drug dependence, continuous (disorder)" // 2022
* $sct#429512006 "Methadone misuse (finding)" // 2022+2025
* $sct#429692000 "Amphetamine abuse, episodic (disorder)" // 2022
* $sct#429782000 "Cocaine misuse (finding)" // 2022+2025
* $sct#441527004 "Stimulant abuse (disorder)" // 2022
* $sct#441668002 "Drug seeking behavior" // 2022+2025
* $sct#441681009 "Dependence on unknown drug (disorder)" // 2022
* $sct#442406005 "Stimulant dependence" // 2022+2025
* $sct#445273005 "Polysubstance abuse (disorder)" // 2022
* $sct#445507008 "Alcohol-induced pancreatitis" // 2022+2025
* $sct#699208000 "Thrombocytopenia caused by alcohol (disorder)" // 2025
* $sct#699449003 "Methamphetamine abuse (disorder)" // 2022
* $sct#703845008 "Buprenorphine dependence (disorder)" // 2022+2025
* $sct#703846009 "Buprenorphine withdrawal (disorder)" // 2022
* $sct#703847000 "Buprenorphine + naloxone withdrawal (disorder)" // 2022
* $sct#703848005 "Cannabis withdrawal (disorder)" // 2022
* $sct#703849002 "Benzodiazepine withdrawal (disorder)" // 2022
* $sct#703850002 "Delirium due to benzodiazepine withdrawal (disorder)" // 2022
* $sct#703885002 "Misuse of analgesic (finding)" // 2022+2025
* $sct#713181003 "Chronic alcoholic liver disease (disorder)" // 2022+2025
* $sct#713370005 "Acute on chronic alcoholic liver disease (disorder)" // 2022+2025
* $sct#713583005 "Mild alcohol dependence (disorder)" // 2022+2025
* $sct#713775002 "Novel psychoactive substance misuse (disorder)" // 2022
* $sct#713862009 "Severe alcohol dependence (disorder)" // 2022+2025
* $sct#714829008 "Moderate alcohol dependence (disorder)" // 2022+2025
* $sct#715200006 "History of novel psychoactive substance misuse (situation)" // 2022
* $sct#715818002 "Cleans drug injection needle with bleach (finding)" // 2022+2025
* $sct#719848005 "Disorder caused by alcohol (disorder)" // 2022+2025
* $sct#721710005 "Fibrosis of liver caused by alcohol (disorder)" // 2022+2025
* $sct#723103002 "Gastric ulcer caused by alcohol (disorder)" // 2022+2025
* $sct#723882007 "Duodenitis caused by ingestible alcohol (disorder)" // 2022
* $sct#723926008 "Perceptual disturbances and seizures co-occurrent and due to alcohol withdrawal (disorder)" // 2022
* $sct#723927004 "Psychotic disorder caused by alcohol with schizophreniform symptoms (disorder)" // 2022+2025
* $sct#723928009 "Mood disorder with depressive symptoms caused by alcohol (disorder)" // 2022
* $sct#723929001 "Mood disorder with manic symptoms caused by alcohol (disorder)" // 2022
* $sct#723930006 "Mood disorder with mixed manic and depressive symptoms caused by alcohol (disorder)" // 2022
* $sct#723933008 "Cannabis dependence with current use (disorder)" // 2022
* $sct#724574008 "Neurological disorder caused by ingestible alcohol (disorder)" // 2022
* $sct#724653003 "Opioid dependence with current use (disorder)" // 2022
* $sct#724656006 "Hypnotic dependence (disorder)" // 2022+2025
* $sct#724657002 "Sedative dependence with current use (disorder)" // 2022
* $sct#724658007 "Hypnotic dependence with current use (disorder)" // 2022
* $sct#724659004 "Anxiolytic dependence with current use (disorder)" // 2022
* $sct#724660009 "Hypnotic withdrawal (disorder)" // 2022
* $sct#724661008 "Anxiolytic withdrawal (disorder)" // 2022
* $sct#724662001 "Sedative withdrawal without complication (disorder)" // 2022
* $sct#724663006 "Hypnotic withdrawal without complication (disorder)" // 2022
* $sct#724664000 "Anxiolytic withdrawal without complication (disorder)" // 2022
* $sct#724665004 "Perceptual disturbances co-occurrent and due to sedative withdrawal (disorder)" // 2022
* $sct#724666003 "Perceptual disturbances co-occurrent and due to hypnotic withdrawal (disorder)" // 2022
* $sct#724667007 "Perceptual disturbances co-occurrent and due to anxiolytic withdrawal (disorder)" // 2022
* $sct#724668002 "Seizure co-occurrent and due to sedative withdrawal (disorder)" // 2022
* $sct#724669005 "Seizure co-occurrent and due to hypnotic withdrawal (disorder)" // 2022
* $sct#724670006 "Seizure co-occurrent and due to anxiolytic withdrawal (disorder)" // 2022
* $sct#724671005 "Perceptual disturbances and seizures co-occurrent and due to sedative withdrawal (disorder)" // 2022
* $sct#724672003 "Perceptual disturbances and seizures co-occurrent and due to hypnotic withdrawal (disorder)" // 2022
* $sct#724688003 "Cocaine dependence with current use (disorder)" // 2022
* $sct#724695007 "Hallucinogen dependence with current use (disorder)" // 2022
* $sct#724700000 "Volatile inhalant dependence with current use (disorder)" // 2022
* $sct#724701001 "Volatile inhalant withdrawal (disorder)" // 2022
* $sct#724704009 "Methylenedioxymethamphetamine dependence with current use (disorder)" // 2022
* $sct#724712001 "Harmful use of dissociative drug (disorder)" // 2022
* $sct#724713006 "Harmful use of ketamine (disorder)" // 2022+2025
* $sct#724714000 "Dependence caused by dissociative substance (disorder)" // 2022
* $sct#724715004 "Dependence caused by ketamine" // 2022+2025
* $sct#724724008 "Psychoactive substance dependence with current use (disorder)" // 2022
* $sct#724725009 "Psychoactive substance withdrawal without complication (disorder)" // 2022
* $sct#724726005 "Perceptual disturbances co-occurrent and due to psychoactive substance withdrawal (disorder)" // 2022
* $sct#724727001 "Seizure co-occurrent and due to psychoactive substance withdrawal (disorder)" // 2022
* $sct#724728006 "Perceptual disturbances and seizures co-occurrent and due to psychoactive substance withdrawal (disorder)" // 2022
* $sct#735235000 "Seizure co-occurrent and due to drug withdrawal (disorder)" // 2022
* $sct#737336003 "Synthetic cannabinoid abuse (disorder)" // 2022
* $sct#737337007 "Synthetic cannabinoid dependence" // 2022+2025
* $sct#737338002 "Synthetic cannabinoid withdrawal (disorder)" // 2022
* $sct#741063003 "Injection illicit drug use in last 12 months" // 2022+2025
* $sct#762504005 "Abuse of synthetic cathinone (disorder)" // 2022
* $sct#762505006 "Synthetic cathinone dependence" // 2022+2025
* $sct#762672001 "Synthetic cathinone withdrawal (disorder)" // 2022
* $sct#765482002 "Steatohepatitis caused by ingestible alcohol (disorder)" // 2022
* $sct#772133000 "Recreational drug misuse withdrawal (disorder)" // 2022
* $sct#772999000 "Harmful use of hypnotic (disorder)" // 2022
* $sct#773000004 "Harmful use of anxiolytic (disorder)" // 2022
* $sct#785277001 "Harmful pattern of use of amfetamine and amfetamine derivative (disorder)" // 2022
* $sct#788165003 "Misuse of medication" // 2022+2025
* $sct#817962007 "Chlordiazepoxide dependence (disorder)" // 2022+2025
* $sct#838376007 "Chronic myopathy caused by alcohol" // 2022+2025
* $sct#838386008 "Acute alcoholic myopathy" // 2022+2025
* $sct#838527002 "Amfetamine and/or amfetamine derivative dependence (disorder)" // 2022+2025
* $sct#840320000 "Evidence of cessation of drug use" // 2022+2025
* $sct#840321001 "Signs of drug withdrawal (finding)" // 2022+2025
* $sct#840449007 "Cognitive impairment caused by ingestible alcohol (disorder)" // 2022
* $sct#1142050005 "Uncomplicated opioid withdrawal (disorder)" // 2022
* $sct#1149333003 "Acute alcohol intoxication" // 2022+2025
* $sct#1153338005 "Alcohol induced osteonecrosis" // 2022+2025
* $sct#1197724009 "Duodenal ulcer caused by alcohol" // 2025
* $sct#1231158003 "Hypnotic dependence in remission (disorder)" // 2025
* $sct#1231159006 "Anxiolytic dependence in remission (disorder)" // 2025
* $sct#1231160001 "Hypnotic dependence, episodic (disorder)" // 2025
* $sct#1231161002 "Anxiolytic dependence, episodic" // 2025
* $sct#1231162009 "Hypnotic dependence, continuous (disorder)" // 2025
* $sct#1231163004 "Anxiolytic dependence, continuous (disorder)" // 2025
* $sct#1231319004 "Ecstasy type drug dependence" // 2025
* $sct#1231325000 "Amfetamine and/or amfetamine derivative dependence in remission (disorder)" // 2025
* $sct#1231327008 "Amphetamine and/or amphetamine derivative dependence episodic" // 2025
* $sct#1231328003 "Amfetamine and/or amfetamine derivative dependence continuous (disorder)" // 2025
* $sct#1231331002 "Psychostimulant dependence in remission (disorder)" // 2025
* $sct#1231333004 "Psychostimulant dependence episodic" // 2025
* $sct#1231336007 "Psychostimulant dependence continuous" // 2025
* $sct#1231846001 "Psychosis caused by ethanol (disorder)" // 2025
* $sct#1234750000 "Dilated cardiomyopathy caused by ethanol (disorder)" // 2025
* $sct#1234767007 "Alcoholic duodenitis" // 2025
* $sct#1234772003 "Neurological disorder caused by ethanol (disorder)" // 2025
* $sct#1234774002 "Cognitive impairment caused by alcohol" // 2025
* $sct#1234776000 "Alcohol-induced sleep disorder" // 2025
* $sct#1234778004 "Steatohepatitis caused by ethanol" // 2025
* $sct#1234779007 "Mood disorder caused by ethanol (disorder)" // 2025
* $sct#1234780005 "Mood disorder with mixed manic and depressive symptoms caused by ethanol" // 2025
* $sct#1234781009 "Mood disorder with manic symptoms caused by ethanol (disorder)" // 2025
* $sct#1234782002 "Ethanol-induced mood disorder with depressive symptoms" // 2025
* $sct#1234783007 "Organic mental disorder caused by ethanol (disorder)" // 2025
* $sct#1254812006 "Substance dependence (disorder)" // 2025
* $sct#1254973007 "Substance dependence in remission" // 2025
* $sct#1254974001 "Substance dependence, episodic (disorder)" // 2025
* $sct#1254975000 "Substance dependence, continuous" // 2025
* $sct#1254981008 "Substance dependence during pregnancy, childbirth and/or puerperium (disorder)" // 2025
* $sct#1254987007 "Substance dependence in childbirth" // 2025
* $sct#1254988002 "Substance dependence in mother complicating pregnancy, childbirth and/or puerperium (disorder)" // 2025
* $sct#1254991002 "Pregnancy and substance dependence (disorder)" // 2025
* $sct#1255012001 "Combined substance dependence, continuous" // 2025
* $sct#1255013006 "Combined opioid with non-opioid substance dependence" // 2025
* $sct#1255014000 "Combined substance dependence, excluding opioids (disorder)" // 2025
* $sct#1255015004 "Combined opioid with non-opioid substance dependence, episodic" // 2025
* $sct#1255016003 "Combined substance dependence, excluding opioid, episodic" // 2025
* $sct#1255017007 "Combined substance dependence, excluding opioid, continuous" // 2025
* $sct#1255018002 "Combined opioid with non-opioid substance dependence, continuous (disorder)" // 2025
* $sct#1255019005 "Combined opioid with non-opioid substance dependence in remission" // 2025
* $sct#1255020004 "Combined substance dependence, excluding opioid, in remission (disorder)" // 2025
* $sct#1259017004 "Postpartum substance dependence" // 2025
* $sct#1264554000 "Signs of opioid withdrawal on naloxone challenge test (finding)" // 2025
* $sct#1290541007 "Intentional misuse of medication" // 2025
* $sct#1304040007 "Harmful pattern of use of intravenous heroin" // 2025
* $sct#1336054003 "Episode of harmful use of alcohol (disorder)" // 2025
* $sct#1336059008 "Episode of harmful use of intravenous cocaine" // 2025
* $sct#1336060003 "Episode of harmful use of intravenous diamorphine" // 2025
* $sct#1336085007 "Alcohol use disorder" // 2025
* $sct#1081000119105 "Opioid dependence, on agonist therapy" // 2022+2025
* $sct#1461000119109 "Drug dependence in remission (disorder)" // 2022
* $sct#1471000119103 "Drug abuse in remission (disorder)" // 2022
* $sct#23601000119102 "Sedative withdrawal (disorder)" // 2022
* $sct#34111000119108 "Nondependent amphetamine abuse (disorder)" // 2022
* $sct#39251000146107 "Sleep disorder due to alcohol dependence" // 2025
* $sct#86391000119101 "Inhalant dependence, continuous" // 2022+2025
* $sct#86401000119104 "Inhalant dependence, episodic" // 2022+2025
* $sct#97571000119109 "Thrombocytopaenia co-occurrent and due to alcoholism" // 2022+2025
* $sct#125851000119106 "Continuous sedative abuse (disorder)" // 2022
* $sct#133301000119102 "Degenerative brain disorder caused by alcohol (disorder)" // 2022+2025
* $sct#135301000119103 "Parasomnia caused by alcohol (disorder)" // 2022+2025
* $sct#135311000119100 "Insomnia caused by alcohol" // 2022+2025
* $sct#135321000119107 "Hypersomnia caused by alcohol" // 2022+2025
* $sct#135331000119105 "Circadian rhythm sleep disorder caused by alcohol" // 2022+2025
* $sct#144981000119109 "Nondependent intraveous amphetamine abuse (disorder)" // 2022
* $sct#145101000119102 "Intravenous cocaine abuse (disorder)" // 2022
* $sct#145121000119106 "Intravenous nondependent opioid abuse" // 2022+2025
* $sct#145841000119107 "Episodic phencyclidine abuse (disorder)" // 2022
* $sct#153491000119103 "Drug dependence, continuous (disorder)" // 2022
* $sct#153501000119105 "Drug dependence, episodic (disorder)" // 2022
* $sct#235601000112100 "MetALD - metabolic dysfunction and alcohol associated liver disease" // 2025
* $sct#288021000119107 "Disorder due to alcohol abuse (disorder)" // 2022
* $sct#288031000119105 "Alcohol induced disorder co-occurrent and due to alcohol dependence (disorder)" // 2022+2025
* $sct#288761000119104 "History of amphetamine abuse (situation)" // 2022
* $sct#288771000119105 "History of anxiolytic abuse (situation)" // 2022
* $sct#288781000119108 "History of cannabis abuse (situation)" // 2022
* $sct#288791000119106 "History of cocaine abuse (situation)" // 2022
* $sct#288801000119107 "History of hallucinogen abuse (situation)" // 2022
* $sct#288811000119105 "History of heroin abuse (situation)" // 2022
* $sct#288831000119100 "History of opioid abuse (situation)" // 2022
* $sct#288841000119109 "History of sedative hypnotic abuse (situation)" // 2022
* $sct#429001000124103 "Catha edulis abuse (disorder)" // 2022
* $sct#591301000124101 "Misuse of non-prescription drug" // 2025
* $sct#10741871000119101 "Alcohol dependence in pregnancy (disorder)" // 2022+2025
* $sct#10755041000119100 "Alcohol dependence in childbirth (disorder)" // 2022+2025
* $sct#10755161000119102 "Drug dependence in childbirth (disorder)" // 2022
* $sct#11047881000119101 "Cannabis hyperemesis syndrome co-occurrent and due to cannabis abuse (disorder)" // 2022
* $sct#11048011000119103 "Cannabis hyperemesis syndrome co-occurrent and due to cannabis dependence (disorder)" // 2022
* $sct#12398281000119105 "Methamphetamine withdrawal (disorder)" // 2022
* $sct#16076691000119100 "Episodic polysubstance dependence (disorder)" // 2022+2025
* $sct#16236701000119107 "Delirium due to drug withdrawal (disorder)" // 2022
* $sct#16279021000119106 "Delirium due to opioid withdrawal (disorder)" // 2022
* $sct#27660001000004101 "History of methamphetamine abuse (situation)" // 2022
* $sct#10939881000119105 "Unhealthy alcohol drinking behavior (finding)" // synthea
* include codes from system $icd10cm where concept is-a #F10
* include codes from system $icd10cm where concept is-a #F11
* include codes from system $icd10cm where concept is-a #F12
* include codes from system $icd10cm where concept is-a #F13
* include codes from system $icd10cm where concept is-a #F14
* include codes from system $icd10cm where concept is-a #F15
* include codes from system $icd10cm where concept is-a #F16
* include codes from system $icd10cm where concept is-a #F18
* include codes from system $icd10cm where concept is-a #F19
* include codes from system $icd10 where concept is-a #F10
* include codes from system $icd10 where concept is-a #F11
* include codes from system $icd10 where concept is-a #F12
* include codes from system $icd10 where concept is-a #F13
* include codes from system $icd10 where concept is-a #F14
* include codes from system $icd10 where concept is-a #F15
* include codes from system $icd10 where concept is-a #F16
* include codes from system $icd10 where concept is-a #F18
* include codes from system $icd10 where concept is-a #F19
* $icd10cm#Z71.41 "Alcohol abuse counseling and surveillance of alcoholic"
* $icd10cm#Z71.51 "Drug abuse counseling and surveillance of drug abuser"
