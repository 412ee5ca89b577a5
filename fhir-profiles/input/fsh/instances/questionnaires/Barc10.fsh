Instance: barc-10
InstanceOf: Questionnaire
Usage: #definition
Title: "Brief Assessment of Recovery Capital (BARC-10)"
Description: "BARC-10 (Vilsaint et al. 2017, Drug Alcohol Depend 177:71-76): ten statements rated 1 (strongly disagree) to 6 (strongly agree); total 10-60, 47 or more associated with sustained remission. Free to use."
// Each answer carries its score as ordinalValue, and the total item an SDC calculatedExpression over them, so any
// SDC form filler computes the total as the server's scorer does (the server stores its own total either way).
* url = "https://continuumcare.org/fhir/Questionnaire/barc-10"
* version = "0.1.0"
* name = "Barc10"
* title = "Brief Assessment of Recovery Capital (BARC-10)"
* status = #active
* experimental = false
* subjectType = #Patient
* publisher = "Continuum"
* description = "BARC-10 (Vilsaint et al. 2017, Drug Alcohol Depend 177:71-76): ten statements rated 1 (strongly disagree) to 6 (strongly agree); total 10-60, 47 or more associated with sustained remission. Free to use."
* code = $RCInstrument#barc-10
* item[0].linkId = "barc-10-01"
* item[0].code = $RCItem#barc-10-01
* item[0].prefix = "1."
* item[0].text = "There are more important things to me in life than using substances."
* item[0].type = #choice
* item[0].required = true
* item[0].repeats = false
* insert Barc10AnswerOptions(0)
* item[1].linkId = "barc-10-02"
* item[1].code = $RCItem#barc-10-02
* item[1].prefix = "2."
* item[1].text = "In general I am happy with my life."
* item[1].type = #choice
* item[1].required = true
* item[1].repeats = false
* insert Barc10AnswerOptions(1)
* item[2].linkId = "barc-10-03"
* item[2].code = $RCItem#barc-10-03
* item[2].prefix = "3."
* item[2].text = "I have enough energy to complete the tasks I set myself."
* item[2].type = #choice
* item[2].required = true
* item[2].repeats = false
* insert Barc10AnswerOptions(2)
* item[3].linkId = "barc-10-04"
* item[3].code = $RCItem#barc-10-04
* item[3].prefix = "4."
* item[3].text = "I am proud of the community I live in and feel part of it."
* item[3].type = #choice
* item[3].required = true
* item[3].repeats = false
* insert Barc10AnswerOptions(3)
* item[4].linkId = "barc-10-05"
* item[4].code = $RCItem#barc-10-05
* item[4].prefix = "5."
* item[4].text = "I get lots of support from friends."
* item[4].type = #choice
* item[4].required = true
* item[4].repeats = false
* insert Barc10AnswerOptions(4)
* item[5].linkId = "barc-10-06"
* item[5].code = $RCItem#barc-10-06
* item[5].prefix = "6."
* item[5].text = "I regard my life as challenging and fulfilling without the need for using drugs or alcohol."
* item[5].type = #choice
* item[5].required = true
* item[5].repeats = false
* insert Barc10AnswerOptions(5)
* item[6].linkId = "barc-10-07"
* item[6].code = $RCItem#barc-10-07
* item[6].prefix = "7."
* item[6].text = "My living space has helped to drive my recovery journey."
* item[6].type = #choice
* item[6].required = true
* item[6].repeats = false
* insert Barc10AnswerOptions(6)
* item[7].linkId = "barc-10-08"
* item[7].code = $RCItem#barc-10-08
* item[7].prefix = "8."
* item[7].text = "I take full responsibility for my actions."
* item[7].type = #choice
* item[7].required = true
* item[7].repeats = false
* insert Barc10AnswerOptions(7)
* item[8].linkId = "barc-10-09"
* item[8].code = $RCItem#barc-10-09
* item[8].prefix = "9."
* item[8].text = "I am happy dealing with a range of professional people."
* item[8].type = #choice
* item[8].required = true
* item[8].repeats = false
* insert Barc10AnswerOptions(8)
* item[9].linkId = "barc-10-10"
* item[9].code = $RCItem#barc-10-10
* item[9].prefix = "10."
* item[9].text = "I am making good progress on my recovery journey."
* item[9].type = #choice
* item[9].required = true
* item[9].repeats = false
* insert Barc10AnswerOptions(9)
* item[10].linkId = "barc-10-total"
* item[10].text = "Total (10 to 60; 47 or more is associated with sustained remission)"
* item[10].type = #integer
* item[10].required = false
* item[10].readOnly = true
* item[10].extension[0].url = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
* item[10].extension[0].valueExpression.description = "Sum of the ten answers' ordinal values"
* item[10].extension[0].valueExpression.language = #text/fhirpath
* item[10].extension[0].valueExpression.expression = "%resource.item.where(linkId != 'barc-10-total').answer.value.ordinal().sum()"
