// RetentionFunctions on Azure: `azd up` creates everything below in one resource group; `azd down --purge` removes it.
// One deployment serves one store. What it costs and how to change settings: docs/deploy.md.
// Modules are local files (no registry modules): CI compiles and lints this offline (InfraTemplateTests).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region for everything regional. Flex Consumption is not offered in every region.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd sets it); empty: no roles for people.')
param principalId string = ''

@description('User, or ServicePrincipal when azd runs in a pipeline.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

// Secrets. azd generates each once and keeps it in the environment (.azure/<env>/config.json), so re-provisioning keeps
// them: a new value would break every unsubscribe link already sent and change the codes of coupons not yet issued.
// (A newGuid() default would do exactly that on every deployment.)

@secure()
@description('Signs unsubscribe links (Messages:UnsubscribeSecret), at least 32 characters.')
@minLength(32)
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
    }
  }
})
param unsubscribeSecret string

@secure()
@description('Keys coupon and referral codes (Rewards:CodeSecret), at least 32 characters.')
@minLength(32)
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
    }
  }
})
param codeSecret string

@secure()
@description('The key Shopify signs webhooks with (azd env set SHOPIFY_WEBHOOK_SECRET). Empty: Shopify webhooks are refused.')
param shopifyWebhookSecret string = ''

@secure()
@description('The Secret of the store\'s WooCommerce webhooks (azd env set WOOCOMMERCE_WEBHOOK_SECRET). Empty: refused.')
param wooCommerceWebhookSecret string = ''

// The store.

@description('The store\'s name as customers know it (Brand:Name, Report:StoreName).')
@minLength(1)
@maxLength(100)
param storeName string

@description('The shop\'s web address; email buttons lead there (Brand:ShopUrl).')
param shopUrl string

@description('The postal address in every email\'s footer; marketing email must show one (Brand:PostalAddress).')
@minLength(1)
@maxLength(300)
param postalAddress string

@description('IANA time zone that decides a purchase\'s day and month (Store:TimeZone).')
param storeTimeZone string = 'UTC'

@description('The store currency, ISO 4217 (Store:Currency).')
@minLength(3)
@maxLength(3)
param storeCurrency string = 'USD'

@description('Who gets the nightly report email, comma-separated (Report:Recipients). Empty: no report email.')
param reportRecipients string = ''

@description('Number and date formats of the report email (Report:Locale).')
param reportLocale string = 'en-US'

@description('Language of customer emails when the customer\'s is unknown (Messages:DefaultLocale).')
param messagesDefaultLocale string = 'en'

@description('Most emails per dispatcher run, i.e. per minute (Messages:BudgetPerRun). ACS starts at 30/min and 100/h.')
@minValue(1)
@maxValue(1000)
param messagesBudgetPerRun int = 30

@description('NCRONTAB with seconds, UTC (Nightly:Schedule). 02:00 UTC by default.')
param nightlySchedule string = '0 0 2 * * *'

@description('NCRONTAB with seconds, UTC (Dispatch:Schedule). Every minute by default.')
param dispatchSchedule string = '0 * * * * *'

// Programmes (docs/rewards.md): all off until switched on, e.g. azd env set REWARDS_WINBACK_ENABLED true.
param rewardsThankYouEnabled bool = false
param rewardsMilestoneEnabled bool = false
param rewardsPointsEnabled bool = false
param rewardsTiersEnabled bool = false
param rewardsReferralEnabled bool = false
param rewardsWinBackEnabled bool = false
param rewardsReplenishmentEnabled bool = false
param rewardsCouponExpiringEnabled bool = false
param rewardsFeedbackEnabled bool = false

@description('Share of customers (0-50 %) who never get marketing messages, to measure uplift (Rewards:HoldoutPercent).')
@minValue(0)
@maxValue(50)
param rewardsHoldoutPercent int = 10

// Email.

@description('Where Communication Services keeps its data, such as "United States", "Europe", "UK".')
param emailDataLocation string = 'United States'

@description('Optional custom sending domain (such as mail.example.com); empty: the Azure-managed domain only.')
param customEmailDomain string = ''

@description('True once the custom domain\'s DNS records are verified: links it and sends from it.')
param customEmailDomainVerified bool = false

// Sizing and cost.

@description('Memory per Flex Consumption instance. 512 keeps a small store inside the monthly free grant; 2048 is the default.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Most GB of logs a day (-1: no cap).')
param logDailyQuotaGb int = 1

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var queueName = 'retention-messages'
var deploymentContainerName = 'app-package'
// Names are known before deployment (not module outputs), so that What-If can predict the role assignments.
var names = {
  resourceGroup: 'rg-${environmentName}'
  identity: 'id-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  serviceBus: 'sb-${resourceToken}'
  communicationService: 'acs-${resourceToken}'
  emailService: 'email-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: resourceGroup
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    queueName: queueName
  }
}

module communication 'modules/communication.bicep' = {
  scope: resourceGroup
  params: {
    communicationServiceName: names.communicationService
    emailServiceName: names.emailService
    tags: tags
    dataLocation: emailDataLocation
    customDomainName: customEmailDomain
    customDomainVerified: customEmailDomainVerified
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    unsubscribeSecret: unsubscribeSecret
    codeSecret: codeSecret
    shopifyWebhookSecret: shopifyWebhookSecret
    wooCommerceWebhookSecret: wooCommerceWebhookSecret
  }
}

module rbac 'modules/rbac.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: names.storage
    serviceBusNamespaceName: names.serviceBus
    queueName: queueName
    communicationServiceName: names.communicationService
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    appIdentityName: names.identity
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    storage
    serviceBus
    communication
    monitoring
    keyVault
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    serviceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    queueName: serviceBus.outputs.queueName
    communicationEndpoint: communication.outputs.endpoint
    senderAddress: communication.outputs.senderAddress
    keyVaultName: keyVault.outputs.name
    unsubscribeSecretName: keyVault.outputs.unsubscribeSecretName
    codeSecretName: keyVault.outputs.codeSecretName
    shopifySecretName: keyVault.outputs.shopifySecretName
    wooCommerceSecretName: keyVault.outputs.wooCommerceSecretName
    hasShopifySecret: !empty(shopifyWebhookSecret)
    hasWooCommerceSecret: !empty(wooCommerceWebhookSecret)
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    nightlySchedule: nightlySchedule
    dispatchSchedule: dispatchSchedule
    reportRecipients: reportRecipients
    reportLocale: reportLocale
    storeName: storeName
    storeTimeZone: storeTimeZone
    storeCurrency: storeCurrency
    messagesDefaultLocale: messagesDefaultLocale
    messagesBudgetPerRun: messagesBudgetPerRun
    brandName: storeName
    brandShopUrl: shopUrl
    brandPostalAddress: postalAddress
    rewardsHoldoutPercent: rewardsHoldoutPercent
    rewardsThankYouEnabled: rewardsThankYouEnabled
    rewardsMilestoneEnabled: rewardsMilestoneEnabled
    rewardsPointsEnabled: rewardsPointsEnabled
    rewardsTiersEnabled: rewardsTiersEnabled
    rewardsReferralEnabled: rewardsReferralEnabled
    rewardsWinBackEnabled: rewardsWinBackEnabled
    rewardsReplenishmentEnabled: rewardsReplenishmentEnabled
    rewardsCouponExpiringEnabled: rewardsCouponExpiringEnabled
    rewardsFeedbackEnabled: rewardsFeedbackEnabled
  }
  // The roles first: the host's first start needs storage, and the Key Vault references need Secrets User.
  dependsOn: [
    rbac
  ]
}

// azd reads these into the environment (azd env get-values); the names follow azd's conventions.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_ENDPOINT string = functionApp.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_SERVICEBUS_QUEUE_NAME string = serviceBus.outputs.queueName
output AZURE_COMMUNICATION_ENDPOINT string = communication.outputs.endpoint
output AZURE_EMAIL_SENDER string = communication.outputs.senderAddress
output AZURE_EMAIL_DOMAIN_VERIFICATION_RECORDS object = communication.outputs.customDomainVerificationRecords
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
