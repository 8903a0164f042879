// App Service Authentication (Easy Auth) in front of the API: every request needs an Entra ID
// bearer token for the app registration, or gets 401; the platform validates the token and
// passes the caller to the API in x-ms-client-principal, with the app roles (SSR.Reader,
// SSR.Editor, SSR.Admin) as claims. /api/health and /api/openapi.json stay open, as the API
// contract says. The add-in signs in itself (MSAL), so no login redirect and no token store.
param functionAppName string
@description('Application (client) id of the app registration whose tokens the API accepts.')
param clientId string
param tenantId string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: ['/api/health', '/api/openapi.json']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          // v2.0 tokens: the registration sets api.requestedAccessTokenVersion = 2 (docs/deploy.md).
          openIdIssuer: 'https://login.microsoftonline.com/${tenantId}/v2.0'
        }
        validation: {
          // v2.0 access tokens carry the client id as audience; v1 would carry the App ID URI.
          allowedAudiences: [clientId, 'api://${clientId}']
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}
