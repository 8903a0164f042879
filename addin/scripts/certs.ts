import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';

/*
 * https for https://localhost:3000, which Office requires. office-addin-dev-certs makes a
 * CA and a localhost certificate in ~/.office-addin-dev-certs. Its install step cannot
 * trust the CA as root here (and says it did), so the files are loaded directly; trusting
 * the CA is a step on the machine that runs Excel (see sideloadInstructions).
 */

export const certificateDir = join(homedir(), '.office-addin-dev-certs');
const files = { ca: join(certificateDir, 'ca.crt'), cert: join(certificateDir, 'localhost.crt'), key: join(certificateDir, 'localhost.key') };

export interface DevCertificates {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** Valid for at least another day: the generated certificates last 30 days. */
async function usable(): Promise<boolean> {
  if (!Object.values(files).every((path) => existsSync(path))) return false;
  const certificate = new X509Certificate(await readFile(files.cert));
  return Date.parse(certificate.validTo) - Date.now() > 86_400_000;
}

export async function devCertificates(): Promise<DevCertificates> {
  if (!(await usable())) await generateCertificates(files.ca, files.cert, files.key);
  const [ca, cert, key] = await Promise.all([readFile(files.ca), readFile(files.cert), readFile(files.key)]);
  return { ca, cert, key };
}
