Extension: IrrevocableUntil
Id: irrevocable-until
Title: "Irrevocable until (criminal-justice consent)"
Description: "On a SUD disclosure consent whose every recipient is a criminal-justice agency (Organization.type partner-type#community-corrections): the point of the criminal-justice process (e.g. the end of probation or the final disposition of the conditional release) until which the consent cannot be revoked (42 CFR 2.35(d)). No later than the consent's expiry (provision.period.end). The gateway refuses a revocation (status change, deletion, earlier date or expiry) before it with 422."
Context: Consent
* insert ProfileMetadata
* value[x] only dateTime
* value[x] 1..1
