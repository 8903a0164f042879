/// <reference types="office-js" />

/** Where the pane runs: inside Excel (Office.js has a host), or in a plain browser (preview mode). */
export interface HostInfo {
  host: 'excel' | 'none';
  /** Office's display language, such as "sv-SE" or "en-US"; only inside Office. */
  displayLanguage?: string;
}

/**
 * Ask Office.js which host it runs in. Outside Office the script may be missing (no network
 * to its CDN) or present without a host; either way the answer is "none". Office.onReady
 * settles at once when Office is ready already, and the timeout covers a script that hangs.
 */
export async function detectHost(timeoutMs = 3_000): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { host: 'none' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    const host = info?.host ?? (Office.context as Office.Context | undefined)?.host;
    if (String(host) !== 'Excel') return { host: 'none' };
    const displayLanguage = (Office.context as Office.Context | undefined)?.displayLanguage;
    return displayLanguage ? { host: 'excel', displayLanguage } : { host: 'excel' };
  } finally {
    clearTimeout(timer);
  }
}
