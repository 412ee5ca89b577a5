CodeSystem: RecoveryCapitalDomain
Id: recovery-capital-domain
Title: "Recovery Capital Domain"
Description: "The eight life domains of the recovery-capital (strengths) assessment used in UNODC/WHO TreatNet recovery-oriented care. Each domain carries the property `dimension`: the recovery-capital dimension(s) of Cloud and Granfield (CodeSystem recovery-capital-dimension) it contributes to; each definition ends with the reason for that link."
* insert CompleteCodeSystem
* ^hierarchyMeaning = #is-a
* ^property[0].code = #dimension
* ^property[0].description = "The recovery-capital dimension(s) this domain contributes to (repeats when more than one): a Coding from CodeSystem https://continuumcare.org/fhir/CodeSystem/recovery-capital-dimension (type Coding, because a property of type code names a concept of this code system)."
* ^property[0].type = #Coding
* #physical-mental-health "Physical and mental health" "The person's physical health, mental health and wellbeing, including the management of substance use and co-occurring conditions. Dimension: human capital, because Cloud and Granfield count positive physical and mental health among the personal resources a person brings to recovery."
* #physical-mental-health ^property[0].code = #dimension
* #physical-mental-health ^property[0].valueCoding = RecoveryCapitalDimension#human
* #family-social-leisure "Family, social and leisure" "Relationships with family, partners and friends, and social and leisure activities that support recovery. Dimension: social capital, because these are resources that exist through relationships with other people."
* #family-social-leisure ^property[0].code = #dimension
* #family-social-leisure ^property[0].valueCoding = RecoveryCapitalDimension#social
* #safe-housing "Safe housing" "A safe, stable and affordable place to live. Dimension: physical capital, because housing is a tangible asset that Cloud and Granfield name explicitly among physical capital."
* #safe-housing ^property[0].code = #dimension
* #safe-housing ^property[0].valueCoding = RecoveryCapitalDimension#physical
* #peer-support "Peer support" "Support from people with lived experience of recovery: peer recovery coaches, mutual-aid groups and recovery communities. Dimension: social capital, because it is support obtained through membership of a group."
* #peer-support ^property[0].code = #dimension
* #peer-support ^property[0].valueCoding = RecoveryCapitalDimension#social
* #employment-legal "Employment and legal" "Paid work and income, and the resolution of legal and justice-system matters (charges, supervision conditions, fines, records). Dimensions: physical capital, because work provides income and financial security; and human capital, because holding a job uses and builds skills and because unresolved legal matters restrict the use of a person's own resources."
* #employment-legal ^property[0].code = #dimension
* #employment-legal ^property[0].valueCoding = RecoveryCapitalDimension#physical
* #employment-legal ^property[1].code = #dimension
* #employment-legal ^property[1].valueCoding = RecoveryCapitalDimension#human
* #vocational-education "Vocational and education" "Education, training and vocational skills. Dimension: human capital, because education and skills are the core of human capital in Cloud and Granfield's model."
* #vocational-education ^property[0].code = #dimension
* #vocational-education ^property[0].valueCoding = RecoveryCapitalDimension#human
* #community-culture "Community and culture" "Belonging to and taking part in a community, its cultural, faith or civic life, and having values and practices that connect the person to it. Dimensions: cultural capital, because it concerns values, beliefs and the ability to take part in the cultural life around the person; and social capital, because community participation is a source of relationships and support."
* #community-culture ^property[0].code = #dimension
* #community-culture ^property[0].valueCoding = RecoveryCapitalDimension#cultural
* #community-culture ^property[1].code = #dimension
* #community-culture ^property[1].valueCoding = RecoveryCapitalDimension#social
* #meaning-purpose "Meaning and purpose" "A sense of meaning, purpose, hope and direction in life, including spirituality where it matters to the person. Dimensions: human capital, because Cloud and Granfield place aspirations and hope among personal resources; and cultural capital, because meaning and purpose are expressed through values and beliefs."
* #meaning-purpose ^property[0].code = #dimension
* #meaning-purpose ^property[0].valueCoding = RecoveryCapitalDimension#human
* #meaning-purpose ^property[1].code = #dimension
* #meaning-purpose ^property[1].valueCoding = RecoveryCapitalDimension#cultural
