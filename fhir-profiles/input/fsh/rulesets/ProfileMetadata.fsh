RuleSet: ProfileMetadata
* ^status = #active
* ^experimental = false
* ^publisher = "Continuum"
