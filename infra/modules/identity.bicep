// The one identity the Function App runs as. User-assigned rather than system-assigned so that its role assignments
// exist before the app does: the host reaches storage and Key Vault on its very first start.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
