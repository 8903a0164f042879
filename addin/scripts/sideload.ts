import { devManifestPath } from './paths';
import { DEV_ORIGIN } from './manifest';

/**
 * How to load the add-in into Excel, for the start script to print. Office loads add-ins
 * only over https with a trusted certificate, hence the first step on the Excel machine.
 */
export function sideloadInstructions(options: { manifestPath?: string; addinUrl?: string } = {}): string {
  const manifest = options.manifestPath ?? devManifestPath;
  const url = options.addinUrl ?? DEV_ORIGIN;
  return [
    'Sideload the SSR add-in into Excel',
    '',
    `Manifest: ${manifest} (the add-in at ${url})`,
    '',
    'First, on the computer that runs Excel: trust the development certificate once, with',
    '  npx office-addin-dev-certs install',
    `  (it asks for permission to trust its CA), then open ${url}/index.html in a browser: it must load without a warning.`,
    '',
    'Excel on the web (Microsoft 365):',
    '  1. Open a workbook at https://www.office.com.',
    '  2. Home > Add-ins > More Settings (or Advanced) > Upload My Add-in.',
    '  3. Browse to the manifest above and choose Upload.',
    '  4. The SSR (dev) group appears on the Home tab; type =SSRDEV.FEE("Nacka"; 2025) in a cell.',
    '',
    'Excel on Windows:',
    '  1. Share a folder on the network (Properties > Sharing) and copy the manifest into it.',
    '  2. File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:',
    '     add the folder\'s network path (\\\\computer\\folder) as Catalog Url, tick Show in Menu, OK; restart Excel.',
    '  3. Home > Add-ins > More Add-ins > SHARED FOLDER > SSR budget (dev) > Add.',
    '  (Or, where office-addin-debugging is installed: npx office-addin-debugging start manifest.xml desktop.)',
    '',
    'Excel on Mac:',
    '  1. Copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef (create the folder if needed).',
    '  2. Restart Excel; Home > Add-ins > My Add-ins lists SSR budget (dev).',
    '',
    'The development add-in has its own Id, name and namespace (SSRDEV), so it can sit beside the',
    'production SSR budget (functions SSR.*). Swedish Excel shows the functions under their Swedish',
    'names: =SSRDEV.AVGIFT("Nacka"; 2025).',
  ].join('\n');
}
