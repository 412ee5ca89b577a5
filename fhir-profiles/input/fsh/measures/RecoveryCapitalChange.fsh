Instance: recovery-capital-change
InstanceOf: Measure
Usage: #definition
Title: "M1 Recovery-capital change"
Description: "Of the people with two or more BARC-10 assessments at least 60 days apart in the period, the share whose latest total rose by at least 5 points over their first, and the median change; stratified by baseline (below the BARC-10 cut-off of 47, or 47 and above). Computed in Java over the resources the caller may see."
* url = "https://continuumcare.org/fhir/Measure/recovery-capital-change"
* name = "RecoveryCapitalChange"
* status = #draft
* experimental = false
* publisher = "Continuum"
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#outcome
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Patient
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* definition[0] = "BARC-10 total: RecoveryCapitalScore Observation with code recovery-capital-score-type#barc-10-total, status final, amended or corrected, effectiveDateTime in the period. First and last: earliest and latest such total of the person in the period (ties by id)."
* definition[1] = "Threshold: 5 points on the 10-60 total. No published minimal important difference for the BARC-10 was found (searched); 5 points is a documented choice: one tenth of the scale's 50-point range, i.e. half a point on each of the ten 6-point items. Change it in one place (RecoveryCapitalChange.THRESHOLD) and here."
* rationale = "Recovery capital that grows is the outcome recovery-oriented care aims at (Vilsaint et al. 2017 introduced the BARC-10)."
* group[0].code = https://continuumcare.org/fhir/CodeSystem/measure-group#improved
* group[0].description = "Share whose last total minus first is at least 5."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "People with two or more BARC-10 totals in the period whose first and last are at least 60 days (60 x 24 h) apart."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "People with two or more BARC-10 totals in the period whose first and last are at least 60 days (60 x 24 h) apart."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "The initial population."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "The initial population."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator-exclusion
* group[0].population[2].description = "None."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "None."
* group[0].population[3].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[3].description = "Last total - first total >= 5."
* group[0].population[3].criteria.language = #text/plain
* group[0].population[3].criteria.expression = "Last total - first total >= 5."
* group[0].stratifier[0].code = https://continuumcare.org/fhir/CodeSystem/measure-stratifier#baseline
* group[0].stratifier[0].description = "below-47 or 47-or-above: the first total against the BARC-10 cut-off of 47."
* group[1].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change
* group[1].description = "Median of (last - first) over the denominator (continuous variable; score = median). Same stratum."
* group[1].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[1].population[0].description = "The denominator of group improved."
* group[1].population[0].criteria.language = #text/plain
* group[1].population[0].criteria.expression = "The denominator of group improved."
