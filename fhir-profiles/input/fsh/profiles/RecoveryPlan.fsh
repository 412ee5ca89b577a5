Profile: RecoveryPlan
Parent: CarePlan
Id: recovery-plan
Title: "Recovery Plan"
Description: "A client-generated recovery plan: written by the client (or with a family member), with goals per recovery-capital domain, the care team that supports it, and activities that point at referrals."
* insert ProfileMetadata
* status MS
* intent = #plan
* title 1..1 MS
* insert PatientSubject(subject)
* period MS
* created 1..1 MS
* author 1..1 MS
* author only Reference(Patient or RelatedPerson or Practitioner or PractitionerRole)
* author ^short = "Usually the client (Patient) or a RelatedPerson; a coach when writing on the client's behalf"
* contributor MS
* careTeam MS
* careTeam only Reference(RecoveryCareTeam)
* supportingInfo MS
* supportingInfo ^short = "The assessments and scores the plan builds on"
* goal 1..* MS
* goal only Reference(RecoveryGoal)
* activity MS
* activity.extension contains RecoveryCapitalDomainExtension named domain 0..1 MS
* activity.reference MS
* activity.reference only Reference(ServiceRequest or Task or Appointment or CommunicationRequest)
* activity.reference ^short = "A Referral (ServiceRequest) or its ReferralTask"
