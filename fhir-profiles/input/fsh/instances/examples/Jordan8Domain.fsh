Instance: jordan-8-domain-2026-11-20
InstanceOf: RecoveryCapitalAssessment
Usage: #example
Title: "Jordan's 8-domain strengths assessment, 20 Nov 2026"
Description: "The 8-domain assessment done with the coach: ratings 3,4,1,4,2,3,3,4 (total 24); housing and employment are the weakest domains."
* questionnaire = "https://continuumcare.org/fhir/Questionnaire/recovery-capital-8-domain"
* status = #completed
* subject = Reference(jordan-reyes)
* authored = "2026-11-20T11:30:00Z"
* author = Reference(coach-sam-okafor)
* source = Reference(jordan-reyes)
* item[0].linkId = "rc-8-physical-mental-health"
* item[0].item[0].linkId = "rc-8-physical-mental-health-rating"
* item[0].item[0].answer.valueInteger = 3
* item[1].linkId = "rc-8-family-social-leisure"
* item[1].item[0].linkId = "rc-8-family-social-leisure-rating"
* item[1].item[0].answer.valueInteger = 4
* item[2].linkId = "rc-8-safe-housing"
* item[2].item[0].linkId = "rc-8-safe-housing-rating"
* item[2].item[0].answer.valueInteger = 1
* item[2].item[1].linkId = "rc-8-safe-housing-notes"
* item[2].item[1].answer.valueString = "No address to go to at release; does not want to return to the old neighbourhood."
* item[2].item[2].linkId = "rc-8-safe-housing-goal"
* item[2].item[2].answer.valueString = "A safe place of my own, away from using friends, within six months of release."
* item[3].linkId = "rc-8-peer-support"
* item[3].item[0].linkId = "rc-8-peer-support-rating"
* item[3].item[0].answer.valueInteger = 4
* item[3].item[1].linkId = "rc-8-peer-support-goal"
* item[3].item[1].answer.valueString = "Keep meeting Sam every week after release."
* item[4].linkId = "rc-8-employment-legal"
* item[4].item[0].linkId = "rc-8-employment-legal-rating"
* item[4].item[0].answer.valueInteger = 2
* item[4].item[1].linkId = "rc-8-employment-legal-notes"
* item[4].item[1].answer.valueString = "Forklift licence from the prison workshop; parole conditions require work or training."
* item[4].item[2].linkId = "rc-8-employment-legal-goal"
* item[4].item[2].answer.valueString = "A steady job, ideally in a warehouse, by spring."
* item[5].linkId = "rc-8-vocational-education"
* item[5].item[0].linkId = "rc-8-vocational-education-rating"
* item[5].item[0].answer.valueInteger = 3
* item[6].linkId = "rc-8-community-culture"
* item[6].item[0].linkId = "rc-8-community-culture-rating"
* item[6].item[0].answer.valueInteger = 3
* item[7].linkId = "rc-8-meaning-purpose"
* item[7].item[0].linkId = "rc-8-meaning-purpose-rating"
* item[7].item[0].answer.valueInteger = 4
