/**
 * The app roles an access token carries (`roles` claim). The token is not verified here —
 * the API (App Service Authentication) does that; the pane only shows the roles.
 * Anything that is not a readable JWT gives no roles.
 */
export function appRolesFromAccessToken(accessToken: string): string[] {
  const payload = accessToken.split('.')[1];
  if (payload === undefined || payload === '') return [];
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    // Opaque or malformed tokens are legal for a client to hold; they just show no roles.
    return [];
  }
  if (typeof claims !== 'object' || claims === null || !('roles' in claims)) return [];
  const roles = claims.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
