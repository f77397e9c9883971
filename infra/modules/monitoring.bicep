// Log Analytics + workspace-based Application Insights. Local (instrumentation-key) authentication is off: telemetry is
// accepted only with a Microsoft Entra token, which the Functions host and the worker get from the app's identity
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) and the Monitoring Metrics Publisher role (rbac.bicep).

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object

@description('Days Log Analytics keeps logs (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Most GB a day the workspace ingests (-1: no cap). A cap keeps a runaway log loop from running up the bill; logs past it are dropped until the next day (UTC).')
param dailyQuotaGb int = 1

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
output applicationInsightsId string = applicationInsights.id
// Not a secret: with local authentication off it only names where telemetry goes; sending needs an Entra token.
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
output logAnalyticsName string = logAnalytics.name
