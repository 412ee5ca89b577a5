Instance: dr-amira-haddad
InstanceOf: Practitioner
Usage: #example
Title: "Dr Amira Haddad, addiction medicine"
Description: "The community prescriber who continues Jordan's buprenorphine after release."
* active = true
* name.family = "Haddad"
* name.given = "Amira"
* name.prefix = "Dr"
