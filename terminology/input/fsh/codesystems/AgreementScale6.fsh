CodeSystem: AgreementScale6
Id: agreement-scale-6
Title: "Six-point Agreement Scale"
Description: "The 6-point agreement answer scale of the BARC-10 (Vilsaint et al. 2017): 1 = strongly disagree to 6 = strongly agree; the code is the item score. The two anchors are the published ones; the four intermediate labels follow the usual 6-point agreement wording and could not be verified against the original instrument when this code system was written."
* insert CompleteCodeSystem
* #1 "Strongly disagree" "Strongly disagree with the statement (score 1)."
* #2 "Disagree" "Disagree with the statement (score 2)."
* #3 "Somewhat disagree" "Somewhat disagree with the statement (score 3)."
* #4 "Somewhat agree" "Somewhat agree with the statement (score 4)."
* #5 "Agree" "Agree with the statement (score 5)."
* #6 "Strongly agree" "Strongly agree with the statement (score 6)."
