CodeSystem: RecoveryCapitalDimension
Id: recovery-capital-dimension
Title: "Recovery Capital Dimension"
Description: "The four components of recovery capital described by Cloud and Granfield (Cloud W, Granfield R. Conceptualizing recovery capital: expansion of a theoretical construct. Substance Use & Misuse 2008;43(12-13):1971-1986). Each recovery-capital domain is linked to one or more of these dimensions, and the four MIRC subscales are named after them."
* insert CompleteCodeSystem
* #social "Social capital" "The resources a person has through relationships with other people: family, partners and friends, and the support and obligations that come with belonging to groups, including recovery communities."
* #physical "Physical capital" "Tangible assets that widen a person's options in recovery: money, income, property and a safe place to live."
* #human "Human capital" "The resources a person carries in themselves: skills, knowledge, education and work experience, mental and physical health, aspirations, hope and a sense of purpose."
* #cultural "Cultural capital" "Values, beliefs and attitudes that link a person to a community and let them take part in its social and cultural life, including the values and dispositions that fit mainstream social norms."
