// The SSR budget in Azure: the API (Function App, Flex Consumption) behind App Service
// Authentication with Entra ID, its Table Storage, monitoring, and the add-in's static
// files (Static Web App). Deployed by `azd up` or `az deployment group create` (docs/deploy.md);
// the project's CI does not deploy it. Nothing secret is a parameter: the storage key is read
// at deployment time and goes straight into an app setting.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(20)
@description('Short name of this environment (e.g. prod, test); part of the generated resource names and a tag.')
param environmentName string

@description('Region of the API, its storage and monitoring. Must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Region of the Static Web App holding the add-in files (Static Web Apps run in a few regions only).')
@allowed(['westeurope', 'eastus2', 'centralus', 'westus2', 'eastasia'])
param staticSiteLocation string = 'westeurope'

@description('Application (client) id of the Entra app registration of the add-in and the API.')
@minLength(36)
@maxLength(36)
param aadClientId string

@description('Directory (tenant) id of that registration; the tenant of this deployment when left empty.')
param aadTenantId string = ''

@description('Origin the add-in is served from if not the Static Web App\'s own host name (a custom domain), e.g. https://budget.ssr.example. Empty: the Static Web App\'s host name.')
param addinOrigin string = ''

@description('Node.js version of the Function App (Flex Consumption offers 20 and 22; 20 is past its end of life).')
@allowed(['20', '22'])
param nodeVersion string = '22'

@description('Upper limit of Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Redundancy of the register\'s storage; zone-redundant where the region offers it.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_ZRS'

@description('Prefix of the table names; must match the API\'s SSR_TABLE_PREFIX.')
param tablePrefix string = 'ssr'

@description('Storage account name (3–24 lowercase letters and digits); generated when empty.')
param storageAccountName string = ''

@description('Function App name; generated when empty.')
param functionAppName string = ''

@description('Static Web App name; generated when empty.')
param staticSiteName string = ''

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, application: 'ssr-budget' }
var tenantId = empty(aadTenantId) ? tenant().tenantId : aadTenantId
var names = {
  storage: empty(storageAccountName) ? 'stssr${take(token, 13)}' : storageAccountName
  functionApp: empty(functionAppName) ? 'func-ssr-${environmentName}-${take(token, 6)}' : functionAppName
  plan: 'plan-ssr-${environmentName}-${take(token, 6)}'
  staticSite: empty(staticSiteName) ? 'stapp-ssr-${environmentName}-${take(token, 6)}' : staticSiteName
  logAnalytics: 'log-ssr-${environmentName}-${take(token, 6)}'
  appInsights: 'appi-ssr-${environmentName}-${take(token, 6)}'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    sku: storageSku
    tablePrefix: tablePrefix
    deploymentContainerName: 'app-package-${take(names.functionApp, 40)}'
  }
}

module addinSite 'modules/static-site.bicep' = {
  name: 'addin-site'
  params: {
    location: staticSiteLocation
    tags: union(tags, { 'azd-service-name': 'addin' })
    name: names.staticSite
  }
}

var resolvedAddinOrigin = empty(addinOrigin) ? addinSite.outputs.origin : addinOrigin

module api 'modules/function-app.bicep' = {
  name: 'api'
  params: {
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    name: names.functionApp
    planName: names.plan
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    tablePrefix: tablePrefix
    allowedOrigins: [resolvedAddinOrigin]
  }
}

module apiAuth 'modules/app-service-auth.bicep' = {
  name: 'api-auth'
  params: {
    functionAppName: api.outputs.name
    clientId: aadClientId
    tenantId: tenantId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenantId
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = addinSite.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
// The add-in build reads these (addin/scripts/env.ts, addin/src/auth/config.ts): azd hands
// them to `azd deploy` as environment variables.
output ADDIN_PUBLIC_URL string = resolvedAddinOrigin
output ADDIN_API_URL string = '${api.outputs.origin}/api'
output VITE_AAD_CLIENT_ID string = aadClientId
output VITE_AAD_TENANT_ID string = tenantId
output VITE_API_SCOPE string = 'api://${aadClientId}/access_as_user'
