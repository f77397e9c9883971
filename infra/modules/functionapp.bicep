// The Function App on Flex Consumption (dotnet-isolated 10.0) and its app settings.
//
// App settings name exactly the configuration keys the code reads (Section__Key for Section:Key; the Options classes
// under src/ and docs/*.md describe each). Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION
// and WEBSITE_RUN_FROM_PACKAGE: the runtime is functionAppConfig.runtime and the package comes from the blob container.
// Secrets are Key Vault references only. Settings changed in the portal are replaced by the next `azd provision`:
// change them through parameters (azd env set ...), see docs/deploy.md.

param planName string
param appName string
param location string
param tags object

@description('azd finds the app to deploy to by this tag value (the service name in azure.yaml).')
param serviceName string

param identityId string
param identityClientId string
param storageAccountName string
param storageBlobEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param serviceBusFullyQualifiedNamespace string
param queueName string
param communicationEndpoint string
param senderAddress string
param keyVaultName string
param unsubscribeSecretName string
param codeSecretName string
param shopifySecretName string
param wooCommerceSecretName string

@description('Whether the Shopify secret was stored; without it Shopify__WebhookSecret stays empty.')
param hasShopifySecret bool

@description('Whether the WooCommerce secret was stored; without it WooCommerce__WebhookSecret stays empty.')
param hasWooCommerceSecret bool

@allowed([512, 2048, 4096])
param instanceMemoryMB int
param maximumInstanceCount int

param nightlySchedule string
param dispatchSchedule string
param reportRecipients string
param reportLocale string
param storeName string
param storeTimeZone string
param storeCurrency string
param messagesDefaultLocale string
param messagesBudgetPerRun int
param brandName string
param brandShopUrl string
param brandPostalAddress string
param rewardsHoldoutPercent int
param rewardsThankYouEnabled bool
param rewardsMilestoneEnabled bool
param rewardsPointsEnabled bool
param rewardsTiersEnabled bool
param rewardsReferralEnabled bool
param rewardsWinBackEnabled bool
param rewardsReplenishmentEnabled bool
param rewardsCouponExpiringEnabled bool
param rewardsFeedbackEnabled bool

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with this identity (it holds Key Vault Secrets User on the vault).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments use Microsoft Entra ID (azd deploy); publishing with a user name and password stays off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

// A separate resource (not siteConfig.appSettings) so that Messages__PublicBaseUrl can use the app's own host name.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // The Functions host: identity-based AzureWebJobsStorage (blobs for keys, timers and leases).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry from the host and the worker, authenticated with the identity (local auth is off).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // StorageOptions: the tables over the endpoint with the identity (shared keys are off on the account).
    Storage__TableEndpoint: storageTableEndpoint
    Storage__ManagedIdentityClientId: identityClientId

    // ServiceBusOptions
    ServiceBus__FullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBus__ManagedIdentityClientId: identityClientId
    ServiceBus__QueueName: queueName

    // EmailOptions, AcsEmailOptions: ACS REST with an Entra token; the sender is the linked domain's DoNotReply.
    Email__Provider: 'acs'
    Email__Acs__Endpoint: communicationEndpoint
    Email__Acs__ManagedIdentityClientId: identityClientId
    Email__From: senderAddress

    // NightlyOptions, DispatchOptions (NCRONTAB with seconds, UTC)
    Nightly__Schedule: nightlySchedule
    Dispatch__Schedule: dispatchSchedule

    // ReportEmailOptions
    Report__Recipients: reportRecipients
    Report__Locale: reportLocale
    Report__StoreName: storeName

    // StoreOptions
    Store__TimeZone: storeTimeZone
    Store__Currency: storeCurrency

    // MessagesOptions
    Messages__DefaultLocale: messagesDefaultLocale
    Messages__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
    Messages__BudgetPerRun: string(messagesBudgetPerRun)
    Messages__UnsubscribeSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${unsubscribeSecretName})'

    // BrandOptions
    Brand__Name: brandName
    Brand__ShopUrl: brandShopUrl
    Brand__PostalAddress: brandPostalAddress

    // RewardsOptions: every programme is off until switched on; their numbers keep the code's defaults (docs/rewards.md).
    Rewards__CodeSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${codeSecretName})'
    Rewards__HoldoutPercent: string(rewardsHoldoutPercent)
    Rewards__ThankYou__Enabled: string(rewardsThankYouEnabled)
    Rewards__Milestone__Enabled: string(rewardsMilestoneEnabled)
    Rewards__Points__Enabled: string(rewardsPointsEnabled)
    Rewards__Tiers__Enabled: string(rewardsTiersEnabled)
    Rewards__Referral__Enabled: string(rewardsReferralEnabled)
    Rewards__WinBack__Enabled: string(rewardsWinBackEnabled)
    Rewards__Replenishment__Enabled: string(rewardsReplenishmentEnabled)
    Rewards__CouponExpiring__Enabled: string(rewardsCouponExpiringEnabled)
    Rewards__Feedback__Enabled: string(rewardsFeedbackEnabled)

    // ShopifyOptions, WooCommerceOptions: empty (every delivery refused with 401) until a secret is given; never a
    // reference to a secret that does not exist, whose unresolved text the app would otherwise read as the key.
    Shopify__WebhookSecret: hasShopifySecret ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${shopifySecretName})' : ''
    WooCommerce__WebhookSecret: hasWooCommerceSecret ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${wooCommerceSecretName})' : ''
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
