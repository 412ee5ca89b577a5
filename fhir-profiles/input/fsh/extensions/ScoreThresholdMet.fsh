Extension: ScoreThresholdMet
Id: score-threshold-met
Title: "Score threshold met"
Description: "Whether a recovery-capital score reaches its instrument's published cut-off (BARC-10: a total of 47 or more, associated with sustained remission in Vilsaint et al. 2017). Absent for scores without a published cut-off."
Context: Observation
* insert ProfileMetadata
* value[x] only boolean
* valueBoolean 1..1
