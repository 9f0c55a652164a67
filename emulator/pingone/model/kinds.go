package model

// Resource kinds stored in the objects table.
const (
	KindPopulation            = "population"
	KindGroup                 = "group"
	KindUser                  = "user"
	KindIssuerProfile         = "credentialIssuerProfile"
	KindCredentialType        = "credentialType"
	KindCredentialTypeVersion = "credentialTypeVersion"
	KindIssuanceRule          = "issuanceRule"
	KindStagedChange          = "stagedChange"
	KindWalletApp             = "digitalWalletApplication"
	KindWallet                = "digitalWallet"
	KindUserCredential        = "userCredential"
	KindProvisionedCredential = "provisionedCredential"
	KindVerifyTransaction     = "verifyTransaction"
	KindVerifyMetaData        = "verifyMetaData"
	KindVerifiedData          = "verifiedData"
)
