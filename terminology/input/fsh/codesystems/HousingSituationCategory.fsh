CodeSystem: HousingSituationCategory
Id: housing-situation-category
Title: "Housing Situation Category"
Description: "The groups HUD uses to classify HMIS living situations and destinations (FY2024 HMIS Data Standards: homeless, institutional, temporary and permanent housing situations, other), plus a code for answers that carry no information. Used as the second target of ConceptMap hmis-living-situation-to-housing-status."
* insert CompleteCodeSystem
* #homeless "Homeless situation" "Emergency shelter, safe haven or a place not meant for habitation (HMIS codes 1xx)."
* #institutional "Institutional situation" "A psychiatric, substance use treatment, medical, custodial, foster care or long-term care setting (HMIS codes 2xx)."
* #temporary "Temporary housing situation" "Transitional housing, temporary stays with family or friends, a hotel or motel paid by the household, a halfway house or a host home (HMIS codes 3xx)."
* #permanent "Permanent housing situation" "Rental or ownership by the client, with or without subsidy, or permanent tenure with family or friends (HMIS codes 4xx)."
* #other "Other situation" "Other, or deceased."
* #not-known "Not known" "The client did not know, preferred not to answer, the worker could not determine, no exit interview was completed or the data was not collected."
