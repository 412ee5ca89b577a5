Instance: hmis-living-situation-to-housing-status
InstanceOf: ConceptMap
Usage: #definition
Title: "HMIS Living Situation to Housing Status"
Description: "Translates HUD HMIS FY2024 living situation and destination codes (CodeSystem hmis-living-situation) to the LOINC 71802-3 housing status answers of the AHC HRSN tool (group 1) and to HUD's situation groups (group 2, CodeSystem housing-situation-category). Homeless and temporary stays with others or in a hotel map to LA31995-6; other temporary situations to LA31994-9 (inexact); permanent situations to LA31993-1. Institutional stays and non-answers have no housing status answer (unmatched) but always have a group."
* insert ConceptMapMetadata
* url = "https://continuumcare.org/fhir/ConceptMap/hmis-living-situation-to-housing-status"
* name = "HmisLivingSituationToHousingStatus"
* title = "HMIS Living Situation to Housing Status"
* description = "Translates HUD HMIS FY2024 living situation and destination codes (CodeSystem hmis-living-situation) to the LOINC 71802-3 housing status answers of the AHC HRSN tool (group 1) and to HUD's situation groups (group 2, CodeSystem housing-situation-category). Homeless and temporary stays with others or in a hotel map to LA31995-6; other temporary situations to LA31994-9 (inexact); permanent situations to LA31993-1. Institutional stays and non-answers have no housing status answer (unmatched) but always have a group."
* sourceCanonical = "https://continuumcare.org/fhir/ValueSet/hmis-living-situation"
* targetCanonical = "https://continuumcare.org/fhir/ValueSet/housing-status-target"
* group[0].source = "https://continuumcare.org/fhir/CodeSystem/hmis-living-situation"
* group[0].target = "http://loinc.org"
* group[0].element[+].code = #101
* group[0].element[=].display = "Emergency shelter, including hotel or motel paid for with emergency shelter voucher, or Host Home shelter"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #116
* group[0].element[=].display = "Place not meant for habitation (e.g., a vehicle, an abandoned building, bus/train/subway station/airport or anywhere outside)"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #118
* group[0].element[=].display = "Safe Haven"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #204
* group[0].element[=].display = "Psychiatric hospital or other psychiatric facility"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #205
* group[0].element[=].display = "Substance abuse treatment facility or detox center"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #206
* group[0].element[=].display = "Hospital or other residential non-psychiatric medical facility"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #207
* group[0].element[=].display = "Jail, prison or juvenile detention facility"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #215
* group[0].element[=].display = "Foster care home or foster care group home"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #225
* group[0].element[=].display = "Long-term care facility or nursing home"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "An institutional stay says nothing about the housing the person has outside or after it; record housing status separately."
* group[0].element[+].code = #302
* group[0].element[=].display = "Transitional housing for homeless persons (including homeless youth)"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #312
* group[0].element[=].display = "Staying or living with family, temporary tenure (e.g. room, apartment or house)"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #313
* group[0].element[=].display = "Staying or living with friends, temporary tenure (e.g. room, apartment or house)"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #314
* group[0].element[=].display = "Hotel or motel paid for without emergency shelter voucher"
* group[0].element[=].target.code = #LA31995-6
* group[0].element[=].target.display = "I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #327
* group[0].element[=].display = "Moved from one HOPWA funded project to HOPWA TH"
* group[0].element[=].target.code = #LA31994-9
* group[0].element[=].target.display = "I have a place to live today, but I am worried about losing it in the future"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A place to live today whose tenure is temporary or not stated; the person may not say they are worried about losing it."
* group[0].element[+].code = #329
* group[0].element[=].display = "Residential project or halfway house with no homeless criteria"
* group[0].element[=].target.code = #LA31994-9
* group[0].element[=].target.display = "I have a place to live today, but I am worried about losing it in the future"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A place to live today whose tenure is temporary or not stated; the person may not say they are worried about losing it."
* group[0].element[+].code = #332
* group[0].element[=].display = "Host Home (non-crisis)"
* group[0].element[=].target.code = #LA31994-9
* group[0].element[=].target.display = "I have a place to live today, but I am worried about losing it in the future"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A place to live today whose tenure is temporary or not stated; the person may not say they are worried about losing it."
* group[0].element[+].code = #335
* group[0].element[=].display = "Staying or living in a family member's room, apartment, or house"
* group[0].element[=].target.code = #LA31994-9
* group[0].element[=].target.display = "I have a place to live today, but I am worried about losing it in the future"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A place to live today whose tenure is temporary or not stated; the person may not say they are worried about losing it."
* group[0].element[+].code = #336
* group[0].element[=].display = "Staying or living in a friend's room, apartment or house"
* group[0].element[=].target.code = #LA31994-9
* group[0].element[=].target.display = "I have a place to live today, but I am worried about losing it in the future"
* group[0].element[=].target.equivalence = #inexact
* group[0].element[=].target.comment = "A place to live today whose tenure is temporary or not stated; the person may not say they are worried about losing it."
* group[0].element[+].code = #410
* group[0].element[=].display = "Rental by client, no ongoing housing subsidy"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #411
* group[0].element[=].display = "Owned by client, no ongoing housing subsidy"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #421
* group[0].element[=].display = "Owned by client, with ongoing housing subsidy"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #422
* group[0].element[=].display = "Staying or living with family, permanent tenure"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #423
* group[0].element[=].display = "Staying or living with friends, permanent tenure"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #426
* group[0].element[=].display = "Moved from one HOPWA funded project to HOPWA PH"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #435
* group[0].element[=].display = "Rental by client, with ongoing housing subsidy"
* group[0].element[=].target.code = #LA31993-1
* group[0].element[=].target.display = "I have a steady place to live"
* group[0].element[=].target.equivalence = #wider
* group[0].element[+].code = #8
* group[0].element[=].display = "Client doesn't know"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "No housing information was given."
* group[0].element[+].code = #9
* group[0].element[=].display = "Client prefers not to answer"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "No housing information was given."
* group[0].element[+].code = #17
* group[0].element[=].display = "Other"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "'Other' gives no housing information."
* group[0].element[+].code = #24
* group[0].element[=].display = "Deceased"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "The person has died; housing status does not apply."
* group[0].element[+].code = #30
* group[0].element[=].display = "No exit interview completed"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "No housing information was given."
* group[0].element[+].code = #37
* group[0].element[=].display = "Worker unable to determine"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "No housing information was given."
* group[0].element[+].code = #99
* group[0].element[=].display = "Data not collected"
* group[0].element[=].target.equivalence = #unmatched
* group[0].element[=].target.comment = "No housing information was given."
* group[1].source = "https://continuumcare.org/fhir/CodeSystem/hmis-living-situation"
* group[1].target = "https://continuumcare.org/fhir/CodeSystem/housing-situation-category"
* group[1].element[+].code = #101
* group[1].element[=].display = "Emergency shelter, including hotel or motel paid for with emergency shelter voucher, or Host Home shelter"
* group[1].element[=].target.code = #homeless
* group[1].element[=].target.display = "Homeless situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #116
* group[1].element[=].display = "Place not meant for habitation (e.g., a vehicle, an abandoned building, bus/train/subway station/airport or anywhere outside)"
* group[1].element[=].target.code = #homeless
* group[1].element[=].target.display = "Homeless situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #118
* group[1].element[=].display = "Safe Haven"
* group[1].element[=].target.code = #homeless
* group[1].element[=].target.display = "Homeless situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #204
* group[1].element[=].display = "Psychiatric hospital or other psychiatric facility"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #205
* group[1].element[=].display = "Substance abuse treatment facility or detox center"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #206
* group[1].element[=].display = "Hospital or other residential non-psychiatric medical facility"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #207
* group[1].element[=].display = "Jail, prison or juvenile detention facility"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #215
* group[1].element[=].display = "Foster care home or foster care group home"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #225
* group[1].element[=].display = "Long-term care facility or nursing home"
* group[1].element[=].target.code = #institutional
* group[1].element[=].target.display = "Institutional situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #302
* group[1].element[=].display = "Transitional housing for homeless persons (including homeless youth)"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #312
* group[1].element[=].display = "Staying or living with family, temporary tenure (e.g. room, apartment or house)"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #313
* group[1].element[=].display = "Staying or living with friends, temporary tenure (e.g. room, apartment or house)"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #314
* group[1].element[=].display = "Hotel or motel paid for without emergency shelter voucher"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #327
* group[1].element[=].display = "Moved from one HOPWA funded project to HOPWA TH"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #329
* group[1].element[=].display = "Residential project or halfway house with no homeless criteria"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #332
* group[1].element[=].display = "Host Home (non-crisis)"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #335
* group[1].element[=].display = "Staying or living in a family member's room, apartment, or house"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #336
* group[1].element[=].display = "Staying or living in a friend's room, apartment or house"
* group[1].element[=].target.code = #temporary
* group[1].element[=].target.display = "Temporary housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #410
* group[1].element[=].display = "Rental by client, no ongoing housing subsidy"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #411
* group[1].element[=].display = "Owned by client, no ongoing housing subsidy"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #421
* group[1].element[=].display = "Owned by client, with ongoing housing subsidy"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #422
* group[1].element[=].display = "Staying or living with family, permanent tenure"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #423
* group[1].element[=].display = "Staying or living with friends, permanent tenure"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #426
* group[1].element[=].display = "Moved from one HOPWA funded project to HOPWA PH"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #435
* group[1].element[=].display = "Rental by client, with ongoing housing subsidy"
* group[1].element[=].target.code = #permanent
* group[1].element[=].target.display = "Permanent housing situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #8
* group[1].element[=].display = "Client doesn't know"
* group[1].element[=].target.code = #not-known
* group[1].element[=].target.display = "Not known"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #9
* group[1].element[=].display = "Client prefers not to answer"
* group[1].element[=].target.code = #not-known
* group[1].element[=].target.display = "Not known"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #17
* group[1].element[=].display = "Other"
* group[1].element[=].target.code = #other
* group[1].element[=].target.display = "Other situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #24
* group[1].element[=].display = "Deceased"
* group[1].element[=].target.code = #other
* group[1].element[=].target.display = "Other situation"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #30
* group[1].element[=].display = "No exit interview completed"
* group[1].element[=].target.code = #not-known
* group[1].element[=].target.display = "Not known"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #37
* group[1].element[=].display = "Worker unable to determine"
* group[1].element[=].target.code = #not-known
* group[1].element[=].target.display = "Not known"
* group[1].element[=].target.equivalence = #wider
* group[1].element[+].code = #99
* group[1].element[=].display = "Data not collected"
* group[1].element[=].target.code = #not-known
* group[1].element[=].target.display = "Not known"
* group[1].element[=].target.equivalence = #wider
