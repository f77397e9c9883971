// The app's secrets. App settings hold only Key Vault references (@Microsoft.KeyVault(...)), resolved by the platform
// with the app's identity (Key Vault Secrets User, rbac.bicep), so no secret value is readable in the app's
// configuration, in the deployment history's app settings or by someone with only Website Contributor.
// RBAC authorization (no access policies). Purge protection stays off so that `azd down --purge` can remove the vault;
// soft delete keeps a deleted vault recoverable for 7 days.

param name string
param location string
param tags object

@secure()
@description('Signs unsubscribe links (Messages:UnsubscribeSecret).')
param unsubscribeSecret string

@secure()
@description('Keys coupon and referral codes (Rewards:CodeSecret).')
param codeSecret string

@secure()
@description('Shopify webhook signing secret; empty: none stored.')
param shopifyWebhookSecret string = ''

@secure()
@description('WooCommerce webhook secret; empty: none stored.')
param wooCommerceWebhookSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource unsubscribe 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'messages-unsubscribe-secret'
  properties: {
    value: unsubscribeSecret
  }
}

resource code 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'rewards-code-secret'
  properties: {
    value: codeSecret
  }
}

var shopifySecretName = 'shopify-webhook-secret'
var wooCommerceSecretName = 'woocommerce-webhook-secret'

resource shopify 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(shopifyWebhookSecret)) {
  parent: vault
  name: shopifySecretName
  properties: {
    value: shopifyWebhookSecret
  }
}

resource wooCommerce 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(wooCommerceWebhookSecret)) {
  parent: vault
  name: wooCommerceSecretName
  properties: {
    value: wooCommerceWebhookSecret
  }
}

output name string = vault.name
output id string = vault.id
output endpoint string = vault.properties.vaultUri
output unsubscribeSecretName string = unsubscribe.name
output codeSecretName string = code.name
// Where the webhook secrets go when given (main.bicep decides whether the app settings reference them).
output shopifySecretName string = shopifySecretName
output wooCommerceSecretName string = wooCommerceSecretName
