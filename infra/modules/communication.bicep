// Email through Azure Communication Services (docs/email.md): an Email Communication Service with an Azure-managed
// domain (<guid>.azurecomm.net, ready at once, low sending limits) linked to a Communication Services resource, which
// the app calls with its identity (Email:Acs:Endpoint). A custom domain is optional: it is created here so that its DNS
// records can be read from the outputs, and linked (and used as the sender) only once it is verified, because linking an
// unverified domain fails the deployment.

param communicationServiceName string
param emailServiceName string
param tags object

@description('Where Communication Services keeps its data at rest, such as "United States", "Europe", "UK".')
param dataLocation string

@description('Optional: your own sending domain, such as mail.example.com. Empty: only the Azure-managed domain.')
param customDomainName string = ''

@description('Set to true after the custom domain\'s DNS records (outputs) are in place and Azure shows it verified.')
param customDomainVerified bool = false

var useCustomDomain = !empty(customDomainName)

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    // Tracking rewrites links and adds a pixel; the report and customer emails do not need it.
    userEngagementTracking: 'Disabled'
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2025-05-01' = if (useCustomDomain) {
  parent: emailService
  name: useCustomDomain ? customDomainName : 'unused'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

var linkCustomDomain = useCustomDomain && customDomainVerified

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // Access keys off: the app signs in with its identity, and the keys that Communication and Email Service Owner
    // could list (rbac.bicep) then open nothing.
    disableLocalAuth: true
    linkedDomains: linkCustomDomain ? [managedDomain.id, customDomain.id] : [managedDomain.id]
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
// DoNotReply exists on every domain; another sender name needs a senderUsernames resource (custom domains only).
output senderAddress string = linkCustomDomain
  ? 'DoNotReply@${customDomainName}'
  : 'DoNotReply@${managedDomain.properties.fromSenderDomain}'
output customDomainVerificationRecords object = useCustomDomain ? customDomain!.properties.verificationRecords : {}
