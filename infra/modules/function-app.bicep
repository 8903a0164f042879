// The API: a Node.js Function App on the Flex Consumption plan (scales to zero), with a
// system-assigned identity for the Functions host's storage and the deployment container,
// CORS for the add-in's origin only, and the API's own settings (SSR_*).
param location string
param tags object
param name string
param planName string
param storageAccountName string
param deploymentContainerUrl string
param appInsightsConnectionString string
@allowed(['20', '22'])
param nodeVersion string
param maximumInstanceCount int
param tablePrefix string
@description('Origins allowed to call the API from a browser: the add-in\'s, nothing else.')
param allowedOrigins array

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'node', version: nodeVersion }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      // Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME
      // and FUNCTIONS_EXTENSION_VERSION must not be set here.
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        {
          name: 'SSR_STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        { name: 'SSR_TABLE_PREFIX', value: tablePrefix }
        // Never "dev" in Azure: the API refuses to start so anyway.
        { name: 'SSR_AUTH_MODE', value: 'appservice' }
      ]
    }
  }
}

// Built-in roles the host's identity needs on the account: blobs (deployment package, host
// state), queues (host), tables (ready for identity-based table access).
var storageRoles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(storageRoles): {
    name: guid(storage.id, site.id, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: site.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = site.name
output origin string = 'https://${site.properties.defaultHostName}'
