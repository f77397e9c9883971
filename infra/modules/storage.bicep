// One account for everything the app stores: the store's tables (created by the app on first use, names in
// docs/storage.md), the Functions host's blobs (keys, timer schedules, singleton leases) and the Flex deployment package.
// Shared-key access is off, so a connection string with an account key cannot work even if one leaked: every client
// signs in with Microsoft Entra ID (the app's identity, or the developer's login).

param name string
param location string
param tags object

@description('Blob container that holds the app package azd deploys (Flex Consumption reads it with the app identity).')
param deploymentContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    // Locally redundant: the tables can be rebuilt from the store's order history (retention import), so the extra
    // cost of zone or geo redundancy buys little for one small store.
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Flex Consumption without a virtual network reaches storage over public endpoints; authentication is what
      // protects the data (no keys, RBAC only).
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
