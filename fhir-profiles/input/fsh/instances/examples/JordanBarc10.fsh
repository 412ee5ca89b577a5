Instance: jordan-barc-10-2026-11-20
InstanceOf: RecoveryCapitalAssessment
Usage: #example
Title: "Jordan's BARC-10, 20 Nov 2026"
Description: "BARC-10 completed by Jordan with his peer recovery coach before release. Answers 5,4,3,2,4,5,2,6,4,5: total 40, below the 47 cut-off."
* questionnaire = "https://continuumcare.org/fhir/Questionnaire/barc-10"
* status = #completed
* subject = Reference(jordan-reyes)
* authored = "2026-11-20T10:30:00Z"
* author = Reference(coach-sam-okafor)
* source = Reference(jordan-reyes)
* item[0].linkId = "barc-10-01"
* item[0].answer.valueCoding = $Agree6#5
* item[1].linkId = "barc-10-02"
* item[1].answer.valueCoding = $Agree6#4
* item[2].linkId = "barc-10-03"
* item[2].answer.valueCoding = $Agree6#3
* item[3].linkId = "barc-10-04"
* item[3].answer.valueCoding = $Agree6#2
* item[4].linkId = "barc-10-05"
* item[4].answer.valueCoding = $Agree6#4
* item[5].linkId = "barc-10-06"
* item[5].answer.valueCoding = $Agree6#5
* item[6].linkId = "barc-10-07"
* item[6].answer.valueCoding = $Agree6#2
* item[7].linkId = "barc-10-08"
* item[7].answer.valueCoding = $Agree6#6
* item[8].linkId = "barc-10-09"
* item[8].answer.valueCoding = $Agree6#4
* item[9].linkId = "barc-10-10"
* item[9].answer.valueCoding = $Agree6#5
