Instance: jordan-release-handoff
InstanceOf: ReleaseHandoff
Usage: #example
Title: "Jordan's release handoff"
Description: "Release on parole expected 15 Dec 2026 (not yet confirmed; at the latest 22 Dec): buprenorphine to continue with seven days' supply, the recovery plan and the latest assessment, referrals to treatment, housing and employment."
* extension[releaseDate].extension[date].valueDate = "2026-12-15"
* extension[releaseDate].extension[confirmed].valueBoolean = false
* extension[releaseDate].extension[earliest].valueDate = "2026-12-15"
* extension[releaseDate].extension[latest].valueDate = "2026-12-22"
* extension[preReleaseWindow].valuePeriod.start = "2026-11-24"
* extension[preReleaseWindow].valuePeriod.end = "2026-12-15"
* extension[receivingOrganization].valueReference = Reference(demo-treatment)
* status = #final
* type = $LNC#18761-7 "Transfer summary note"
* category = $ReleaseType#parole "Parole"
* subject = Reference(jordan-reyes)
* date = "2026-11-24T16:00:00Z"
* author = Reference(demo-prison)
* title = "Release handoff: Jordan Reyes"
* confidentiality = #R
* custodian = Reference(demo-prison)
* event.period.start = "2026-12-15"
* event.detail = Reference(demo-prison)
* section[medications].title = "Medications to continue"
* section[medications].code = $LNC#10160-0
* section[medications].entry[0] = Reference(jordan-buprenorphine)
* section[medications].entry[1] = Reference(jordan-naloxone)
* section[plan].title = "Recovery plan and latest assessment"
* section[plan].code = $LNC#18776-5
* section[plan].entry[0] = Reference(jordan-recovery-plan)
* section[plan].entry[1] = Reference(jordan-8-domain-2026-11-20)
* section[plan].entry[2] = Reference(jordan-barc-10-total)
* section[referrals].title = "Referrals"
* section[referrals].code = $LNC#57133-1
* section[referrals].entry[0] = Reference(jordan-referral-moud)
* section[referrals].entry[1] = Reference(jordan-referral-housing)
* section[referrals].entry[2] = Reference(jordan-referral-employment)
* section[housing].title = "Housing situation at release"
* section[housing].code = $LNC#71802-3
* section[housing].entry = Reference(jordan-living-situation-at-release)
* section[consents].title = "Consents"
* section[consents].code = $LNC#59284-0
* section[consents].entry = Reference(jordan-sud-consent)
