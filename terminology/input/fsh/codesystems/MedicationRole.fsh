CodeSystem: MedicationRole
Id: medication-role
Title: "Medication Role"
Description: "Why a medication matters at release from custody (release handoff). A medication with neither role is simply continued; it has no code here."
* insert CompleteCodeSystem
* #moud "Medication for opioid use disorder" "Buprenorphine (alone or with naloxone), methadone or naltrexone given to treat opioid use disorder: must continue without a gap after release."
* #naloxone "Naloxone for overdose reversal" "Take-home naloxone (nasal spray or injection) to reverse an opioid overdose, given at release when overdose risk is highest."
