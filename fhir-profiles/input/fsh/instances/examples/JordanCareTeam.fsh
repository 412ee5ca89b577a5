Instance: jordan-care-team
InstanceOf: RecoveryCareTeam
Usage: #example
Title: "Jordan's recovery care team"
Description: "Peer recovery coach, community prescriber and Jordan's mother."
* status = #active
* name = "Jordan Reyes recovery team"
* subject = Reference(jordan-reyes)
* period.start = "2026-11-20"
* participant[0].role.text = "Peer recovery coach"
* participant[0].member = Reference(coach-sam-okafor)
* participant[0].onBehalfOf = Reference(demo-treatment)
* participant[1].role.text = "Prescriber (medication for opioid use disorder)"
* participant[1].member = Reference(dr-amira-haddad)
* participant[1].onBehalfOf = Reference(demo-treatment)
* participant[2].role.text = "Family support"
* participant[2].member = Reference(maria-reyes)
* managingOrganization = Reference(demo-treatment)
