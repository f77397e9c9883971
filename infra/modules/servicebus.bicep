// The customer-message queue (docs/messages.md). Standard, not Basic: Basic has no duplicate detection, and the
// publisher relies on it (deterministic MessageId: publishing a decision twice queues it once). Local (SAS key)
// authentication is off: the app sends and receives with its identity (Azure Service Bus Data Sender + Receiver).

param name string
param location string
param tags object

@description('Queue name; the app reads it as ServiceBus:QueueName.')
param queueName string

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    requiresDuplicateDetection: true
    // A day covers re-running the nightly job or re-posting a purchase on the same day; older repeats are caught by
    // the send ledger (the dispatcher completes them without a second email).
    duplicateDetectionHistoryTimeWindow: 'P1D'
    // The dispatcher receives a batch and sends it one by one, so the last message of a batch stays locked for a whole
    // run: the lock must outlast host.json functionTimeout (5 minutes, the most Service Bus allows; a test checks both).
    lockDuration: 'PT5M'
    // Transient failures abandon and stop the run; after this many deliveries a message is dead-lettered
    // (MaxDeliveryCountExceeded) and `retention messages dead-letters` shows it.
    maxDeliveryCount: 10
    // A marketing email that could not go out for two weeks is stale: dead-letter it instead of sending it late.
    // Scheduled messages (feedback requests) count from their scheduled time.
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: true
    enablePartitioning: false
    maxSizeInMegabytes: 1024
  }
}

output name string = namespace.name
output queueName string = queue.name
// Host name only (no scheme, no port): what ServiceBus:FullyQualifiedNamespace expects.
output fullyQualifiedNamespace string = replace(replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':443', ''), '/', '')
