Extension: PreReleaseWindow
Id: pre-release-window
Title: "Pre-release window"
Description: "The period before release in which community services may already start (in-reach visits, benefit and housing applications, the first MOUD prescription), so partners can act before the release date."
Context: Composition
* insert ProfileMetadata
* value[x] only Period
* valuePeriod 1..1
* valuePeriod.start 1..1
