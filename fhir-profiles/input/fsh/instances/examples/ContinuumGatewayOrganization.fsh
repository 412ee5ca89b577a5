Instance: continuum-gateway
InstanceOf: Organization
Usage: #example
Title: "Continuum gateway"
Description: "The Continuum gateway operator: the intermediary through which SUD records are disclosed (42 CFR Part 2)."
* active = true
* name = "Continuum gateway"
