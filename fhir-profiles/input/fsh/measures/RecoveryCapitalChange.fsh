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
* definition[2] = "8-domain strength: RecoveryCapitalScore Observation with code recovery-capital-score-type#rc-8-domain-strength and the domain in Observation.category (CodeSystem recovery-capital-domain), status final, amended or corrected, effectiveDateTime in the period. A person's change in a domain: the latest minus the earliest such rating of that domain in the period, when they are at least 60 days apart (ties by id)."
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
* group[2].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-physical-mental-health
* group[2].description = "Median change of the physical-mental-health domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[2].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[2].population[0].description = "People with two or more physical-mental-health strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[2].population[0].criteria.language = #text/plain
* group[2].population[0].criteria.expression = "People with two or more physical-mental-health strengths in the period, the first and last at least 60 days apart."
* group[3].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-family-social-leisure
* group[3].description = "Median change of the family-social-leisure domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[3].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[3].population[0].description = "People with two or more family-social-leisure strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[3].population[0].criteria.language = #text/plain
* group[3].population[0].criteria.expression = "People with two or more family-social-leisure strengths in the period, the first and last at least 60 days apart."
* group[4].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-safe-housing
* group[4].description = "Median change of the safe-housing domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[4].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[4].population[0].description = "People with two or more safe-housing strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[4].population[0].criteria.language = #text/plain
* group[4].population[0].criteria.expression = "People with two or more safe-housing strengths in the period, the first and last at least 60 days apart."
* group[5].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-peer-support
* group[5].description = "Median change of the peer-support domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[5].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[5].population[0].description = "People with two or more peer-support strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[5].population[0].criteria.language = #text/plain
* group[5].population[0].criteria.expression = "People with two or more peer-support strengths in the period, the first and last at least 60 days apart."
* group[6].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-employment-legal
* group[6].description = "Median change of the employment-legal domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[6].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[6].population[0].description = "People with two or more employment-legal strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[6].population[0].criteria.language = #text/plain
* group[6].population[0].criteria.expression = "People with two or more employment-legal strengths in the period, the first and last at least 60 days apart."
* group[7].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-vocational-education
* group[7].description = "Median change of the vocational-education domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[7].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[7].population[0].description = "People with two or more vocational-education strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[7].population[0].criteria.language = #text/plain
* group[7].population[0].criteria.expression = "People with two or more vocational-education strengths in the period, the first and last at least 60 days apart."
* group[8].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-community-culture
* group[8].description = "Median change of the community-culture domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[8].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[8].population[0].description = "People with two or more community-culture strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[8].population[0].criteria.language = #text/plain
* group[8].population[0].criteria.expression = "People with two or more community-culture strengths in the period, the first and last at least 60 days apart."
* group[9].code = https://continuumcare.org/fhir/CodeSystem/measure-group#change-meaning-purpose
* group[9].description = "Median change of the meaning-purpose domain strength over its own population (continuous variable; score = median). Stratum baseline, no-barc-10 for people without a BARC-10 change."
* group[9].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[9].population[0].description = "People with two or more meaning-purpose strengths in the period, the first and last at least 60 days apart (definition 8-domain strength); this is also the group's initial population."
* group[9].population[0].criteria.language = #text/plain
* group[9].population[0].criteria.expression = "People with two or more meaning-purpose strengths in the period, the first and last at least 60 days apart."
