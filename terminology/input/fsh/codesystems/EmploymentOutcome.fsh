CodeSystem: EmploymentOutcome
Id: employment-outcome
Title: "Employment Partner Outcome"
Description: "Outcome codes the employment partner reports for a referred person (partner JSON and callbacks). Translated to LOINC 67875-5 employment status answers by ConceptMap employment-outcome-to-employment-status."
* insert CompleteCodeSystem
* #enrolled "Enrolled" "The person enrolled in the employment programme and is looking for work."
* #training-completed "Training completed" "The person completed vocational training; says nothing about current employment."
* #job-placement "Job placement" "The person started a job; hours not reported."
* #job-placement-full-time "Job placement, full time" "The person started a full-time job."
* #job-placement-part-time "Job placement, part time or temporary" "The person started a part-time or temporary job."
* #job-lost "Job lost" "The person lost the job they had been placed in."
