Instance: coach-sam-okafor-role
InstanceOf: PractitionerRole
Usage: #example
Title: "Sam Okafor as peer recovery coach at the demo treatment provider"
Description: "The role in which Sam Okafor refers Jordan (SDOHCC: a referral's requester is a PractitionerRole or an Organization)."
* active = true
* practitioner = Reference(coach-sam-okafor)
* organization = Reference(demo-treatment)
* code.text = "Peer recovery coach"
