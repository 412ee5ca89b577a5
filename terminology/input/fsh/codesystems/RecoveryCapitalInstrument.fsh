CodeSystem: RecoveryCapitalInstrument
Id: recovery-capital-instrument
Title: "Recovery Capital Instrument"
Description: "Instruments that measure recovery capital. No LOINC codes exist for them, so Continuum carries its own codes."
* insert CompleteCodeSystem
* #barc-10 "Brief Assessment of Recovery Capital (BARC-10)" "The 10-item Brief Assessment of Recovery Capital (Vilsaint CL et al. Drug and Alcohol Dependence 2017;177:71-76): ten statements rated on a 6-point agreement scale, total 10 to 60; a total of 47 or more was associated with sustained remission. Free to use."
* #mirc-28 "Multidimensional Inventory of Recovery Capital (MIRC-28)" "The 28-item Multidimensional Inventory of Recovery Capital (Bowen EA et al. Drug and Alcohol Dependence 2023;247:109875): four subscales of seven items (social, physical, human and cultural capital) rated on a 4-point agreement scale, some items reverse-scored, total 28 to 112. Free to use."
* #rc-8-domain "Continuum 8-domain recovery capital assessment" "Continuum's own strengths assessment: one strength rating per recovery-capital domain (CodeSystem recovery-capital-domain), with notes and the person's own goal for the domain."
