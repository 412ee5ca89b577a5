Extension: RedisclosureNotice
Id: redisclosure-notice
Title: "Notice of prohibition on redisclosure"
Description: "The notice that accompanies every disclosure of substance use disorder records under 42 CFR Part 2 (§ 2.32): the recipient may not use or disclose the records further except as the regulation permits. The gateway adds it to the meta of every labelled resource it discloses, together with the security label NORDSCLCD."
Context: Meta
* insert ProfileMetadata
* value[x] only string
* value[x] 1..1
