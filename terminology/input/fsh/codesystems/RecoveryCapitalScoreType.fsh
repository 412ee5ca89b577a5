CodeSystem: RecoveryCapitalScoreType
Id: recovery-capital-score-type
Title: "Recovery Capital Score Type"
Description: "Codes for scores derived from recovery-capital assessments (Observation.code of a RecoveryCapitalScore). The server derives these from a completed assessment; no LOINC codes exist for them."
* insert CompleteCodeSystem
* #barc-10-total "BARC-10 total score" "Sum of the ten BARC-10 item ratings (1 to 6 each), range 10 to 60."
* #mirc-28-total "MIRC-28 total score" "Sum of the 28 MIRC item scores after reverse-scoring, range 28 to 112."
* #mirc-28-social-capital "MIRC-28 social capital subscale" "Sum of the seven social-capital items of the MIRC after reverse-scoring, range 7 to 28."
* #mirc-28-physical-capital "MIRC-28 physical capital subscale" "Sum of the seven physical-capital items of the MIRC after reverse-scoring, range 7 to 28."
* #mirc-28-human-capital "MIRC-28 human capital subscale" "Sum of the seven human-capital items of the MIRC after reverse-scoring, range 7 to 28."
* #mirc-28-cultural-capital "MIRC-28 cultural capital subscale" "Sum of the seven cultural-capital items of the MIRC after reverse-scoring, range 7 to 28."
* #rc-8-domain-strength "8-domain assessment: domain strength" "The strength rating of one recovery-capital domain in the Continuum 8-domain assessment; one Observation per domain, the domain given in Observation.category (CodeSystem recovery-capital-domain)."
* #rc-8-domain-total "8-domain assessment: total strength" "Sum of the eight domain strength ratings of the Continuum 8-domain assessment."
