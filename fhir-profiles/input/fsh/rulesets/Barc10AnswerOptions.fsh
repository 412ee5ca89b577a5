// The six BARC-10 answers (CodeSystem agreement-scale-6), each with its score as ordinalValue.
RuleSet: Barc10AnswerOptions(item)
* item[{item}].answerOption[0].valueCoding = $Agree6#1 "Strongly disagree"
* item[{item}].answerOption[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[0].extension[0].valueDecimal = 1
* item[{item}].answerOption[1].valueCoding = $Agree6#2 "Disagree"
* item[{item}].answerOption[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[1].extension[0].valueDecimal = 2
* item[{item}].answerOption[2].valueCoding = $Agree6#3 "Somewhat disagree"
* item[{item}].answerOption[2].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[2].extension[0].valueDecimal = 3
* item[{item}].answerOption[3].valueCoding = $Agree6#4 "Somewhat agree"
* item[{item}].answerOption[3].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[3].extension[0].valueDecimal = 4
* item[{item}].answerOption[4].valueCoding = $Agree6#5 "Agree"
* item[{item}].answerOption[4].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[4].extension[0].valueDecimal = 5
* item[{item}].answerOption[5].valueCoding = $Agree6#6 "Strongly agree"
* item[{item}].answerOption[5].extension[0].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* item[{item}].answerOption[5].extension[0].valueDecimal = 6
