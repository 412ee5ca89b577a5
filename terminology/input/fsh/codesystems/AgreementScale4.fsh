CodeSystem: AgreementScale4
Id: agreement-scale-4
Title: "Four-point Agreement Scale"
Description: "The 4-point answer scale of the MIRC (1 = strongly disagree to 4 = strongly agree), as published with the instrument (Bowen et al. 2023; PhenX protocol 590501). The code is the raw answer; reverse-scored items are scored 5 minus the code."
* insert CompleteCodeSystem
* #1 "Strongly disagree" "Strongly disagree with the statement (raw value 1)."
* #2 "Disagree" "Disagree with the statement (raw value 2)."
* #3 "Agree" "Agree with the statement (raw value 3)."
* #4 "Strongly agree" "Strongly agree with the statement (raw value 4)."
