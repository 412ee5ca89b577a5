CodeSystem: MeasureStratifier
Id: measure-stratifier
Title: "Measure Stratifier"
Description: "The stratifiers of Continuum's five outcome measures (recovery package): Measure.group.stratifier.code, and MeasureReport.group.stratifier.code in the reports $evaluate-measure writes. A stratum's value is text; 'unknown' where the caller may not see the resource the value comes from."
* insert CompleteCodeSystem
* #partner "Partner" "The partner a referral was sent to: the referral Task's owner (Organization reference)."
* #category "Referral category" "The referral category: the first category code of the referral's ServiceRequest."
* #reason "Reason ended" "The first code of Task.statusReason of a rejected or cancelled referral Task, uncoded when it has none (free text is never a stratum), not-ended for other Tasks."
* #release-type "Release type" "The release type of the release handoff: the first code of Composition.category."
* #provider "Receiving provider" "The community provider receiving the person: the release handoff's receiving-organization extension."
* #baseline "Recovery-capital baseline" "The person's first BARC-10 total against the cut-off of 47: below-47 or 47-or-above (no-barc-10 in the domain groups for people without a BARC-10 change)."
* #referred-to "Referred to" "What the person was referred to in the period: housing, employment or housing-and-employment."
