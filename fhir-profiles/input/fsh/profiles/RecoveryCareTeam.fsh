Profile: RecoveryCareTeam
Parent: CareTeam
Id: recovery-care-team
Title: "Recovery Care Team"
Description: "The people around a client's recovery: clinicians, a peer recovery coach, volunteers, family, each with their role and organisation."
* insert ProfileMetadata
* status 1..1 MS
* name MS
* insert PatientSubject(subject)
* period MS
* participant 1..* MS
* participant.role 1..1 MS
* participant.role ^short = "Role in the team, e.g. peer recovery coach, volunteer, prescriber, case manager"
* participant.member 1..1 MS
* participant.member only Reference(Practitioner or PractitionerRole or RelatedPerson or Patient or Organization)
* participant.onBehalfOf MS
* managingOrganization MS
