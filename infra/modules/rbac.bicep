// Every role assignment, each on the narrowest scope that works, for exactly what the app does
// (tests/Retention.Architecture.Tests/InfraTemplateTests.cs holds the allowed list):
//
// app identity
//   Storage Table Data Contributor  storage account  the store's tables: read, write, create on first use, delete (erase)
//   Storage Blob Data Owner         storage account  the Functions host: keys, timer schedule monitor, singleton
//                                                    leases, and the Flex deployment package. Owner, not Contributor,
//                                                    because the host manages its containers' access (Microsoft's
//                                                    documented requirement for identity-based AzureWebJobsStorage).
//   (no Storage Queue Data Contributor: the host needs queues only for queue and blob triggers and Durable
//    Functions; this app has HTTP and timer triggers only.)
//   Azure Service Bus Data Sender   the queue        publishing customer messages (nightly rules, ingest)
//   Azure Service Bus Data Receiver the queue        the dispatcher's peek-lock receive, complete, abandon, dead-letter
//   Communication and Email Service Owner  the Communication Services resource only
//                                                    sending email with an Entra token. There is no narrower built-in
//                                                    role: ACS documents Contributor or a custom role, and custom roles
//                                                    are not honoured by ACS data-plane calls; this role is the
//                                                    narrowest built-in one that works, and its scope is the one
//                                                    resource (not the resource group). Its right to list access keys
//                                                    opens nothing: the resource's local auth is off.
//   Monitoring Metrics Publisher    Application Insights  telemetry with local authentication off
//   Key Vault Secrets User          the vault        resolving the app settings' Key Vault references
//
// deploying user (optional, principalId): the same data roles for running `retention` against the Azure resources and
// managing secrets: Table Data Contributor, Service Bus Data Sender + Receiver, Key Vault Secrets Officer (to set the
// webhook secrets).

param storageAccountName string
param serviceBusNamespaceName string
param queueName string
param communicationServiceName string
param applicationInsightsName string
param keyVaultName string

@description('Name of the app\'s user-assigned identity; its resource id keys the role assignments\' names.')
param appIdentityName string

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of the deploying user; empty: no roles for people.')
param userPrincipalId string = ''

@description('User, or ServicePrincipal when azd runs in a pipeline.')
@allowed(['User', 'ServicePrincipal'])
param userPrincipalType string = 'User'

var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

var forUser = !empty(userPrincipalId)

// Assignment names from the identity's resource id (known before deployment) rather than its principal id (known only
// after the identity exists), so What-If can predict them. (Recreating the identity under the same name needs its old assignments deleted first.)
var appKey = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', appIdentityName)

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName

  resource queue 'queues' existing = {
    name: queueName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationServiceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// The app's identity.

resource appTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appKey, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appKey, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::queue.id, appKey, roles.serviceBusDataSender)
  scope: namespace::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::queue.id, appKey, roles.serviceBusDataReceiver)
  scope: namespace::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appEmail 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, appKey, roles.communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appKey, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appKey, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The deploying user (azd fills principalId with the signed-in account).

resource userTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (forUser) {
  name: guid(storage.id, userPrincipalId, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (forUser) {
  name: guid(namespace::queue.id, userPrincipalId, roles.serviceBusDataSender)
  scope: namespace::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userQueueReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (forUser) {
  name: guid(namespace::queue.id, userPrincipalId, roles.serviceBusDataReceiver)
  scope: namespace::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (forUser) {
  name: guid(vault.id, userPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
