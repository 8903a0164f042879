// The add-in's files (task pane, custom functions, manifest assets) on a Static Web App:
// declared entirely in Bicep (a storage static website can only be switched on with a data-
// plane call), HTTPS and a custom domain with a free certificate, and `azd deploy` uploads
// to it. It sends no Cross-Origin-Opener-Policy header, which MSAL's redirect page needs.
param location string
param tags object
param name string

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Free', tier: 'Free' }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output origin string = 'https://${site.properties.defaultHostname}'
