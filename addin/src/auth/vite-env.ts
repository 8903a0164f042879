// Build-time settings the auth module reads; Vite replaces them when it builds the add-in.
// Left out, the add-in runs in local dev mode: no sign-in, no token.
declare global {
  interface ImportMetaEnv {
    readonly VITE_AAD_CLIENT_ID?: string;
    readonly VITE_AAD_TENANT_ID?: string;
    readonly VITE_API_SCOPE?: string;
  }

  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
}

export {};
