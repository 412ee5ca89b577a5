Extension: ReleaseDate
Id: release-date
Title: "Release date"
Description: "The expected or actual date of release from custody, and whether it is confirmed. Release dates move (court decisions, parole boards, sentence calculation): services that start before release plan against this date and watch the confirmed flag."
Context: Composition, Encounter
* insert ProfileMetadata
* extension contains
    date 1..1 MS and
    confirmed 1..1 MS and
    earliest 0..1 and
    latest 0..1
* extension[date] ^short = "The expected (or actual) release date"
* extension[date].value[x] only date
* extension[confirmed] ^short = "True when the custodial authority has confirmed the date"
* extension[confirmed].value[x] only boolean
* extension[earliest] ^short = "Earliest possible release date, when the date is uncertain"
* extension[earliest].value[x] only date
* extension[latest] ^short = "Latest possible release date, when the date is uncertain"
* extension[latest].value[x] only date
