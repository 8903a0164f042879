import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * npm run screenshots: the pane's views at 320 px, in Swedish, for docs/screens/. The fit test
 * (test/e2e/fit.test.ts) draws each view in Chromium and saves it to screenshots/screens/, and
 * the budget-plan test (test/e2e/budget-plan.test.ts) the multi-year budget at 320 and 1 400 px;
 * this runs those tests and copies what they saved. The images are copied even when the test finds a
 * view that does not fit (they show it); the exit code then says so. docs/screens.md, the page
 * that shows them, is written from the images there. `npm run screenshots -- --saved` copies
 * what the last run saved without running the test again.
 */

/** The views in the pane's order, each with what it shows. */
const VIEWS: readonly [file: string, caption: string][] = [
  ['status', 'Status'],
  ['members', 'Medlemmar: registret inläst till bladet'],
  ['members-review', 'Medlemmar: en ändring granskas'],
  ['members-conflict', 'Medlemmar: en kollega har ändrat samma medlem'],
  ['populations', 'Befolkning: en SCB-fil inläst'],
  ['fee-rules', 'Avgiftsregler'],
  ['reimbursements', 'Ersättningar: en registrerad ersättning och rättelseformuläret'],
  ['budget', 'Budget: bladet skapat'],
  ['budget-plan', 'Budget: budgetår och tre planår, kostnader inskrivna, resultat och diagram'],
  ['invoices', 'Fakturor: bladet skapat'],
];

/** Views also shown on a wide screen, where preview mode draws the workbook beside the pane. */
const WIDE: readonly [file: string, caption: string][] = [['budget-plan-1400', 'Budget vid 1 400 px: bladet bredvid panelen']];

function page(images: readonly string[]): string {
  const known = VIEWS.filter(([file]) => images.includes(`${file}-320.png`));
  const others = images
    .filter((image) => image.endsWith('-320.png') && !VIEWS.some(([file]) => image === `${file}-320.png`))
    .map((image): [string, string] => [image.replace(/-320\.png$/, ''), image]);
  const sections = [...known, ...others].map(([file, caption]) => `## ${caption}\n\n![${caption}, 320 px](screens/${file}-320.png)\n`);
  const wide = WIDE.filter(([file]) => images.includes(`${file}.png`)).map(([file, caption]) => `## ${caption}\n\n![${caption}](screens/${file}.png)\n`);
  return [
    '# The pane at 320 px',
    '',
    "Each view of the task pane at Excel's task-pane width, in Swedish, in preview mode. `npm run screenshots`",
    'redraws them: the fit test (`test/e2e/fit.test.ts`) visits every view at 320 and 1 400 px in Swedish and English,',
    'fails when anything sticks out of the pane or the page scrolls sideways, and saves these images. The multi-year',
    'budget comes from `test/e2e/budget-plan.test.ts`, which also draws it at 1 400 px, the workbook beside the pane.',
    '',
    ...sections,
    ...wide,
  ].join('\n');
}

const root = fileURLToPath(new URL('..', import.meta.url));
const saved = join(root, 'screenshots', 'screens');
const docs = join(root, 'docs', 'screens');

// --saved: copy what the last run of the fit test saved, without running it again.
const run = process.argv.includes('--saved')
  ? undefined
  : spawnSync('npx', ['vitest', 'run', 'test/e2e/fit.test.ts', 'test/e2e/budget-plan.test.ts'], { cwd: root, stdio: 'inherit' });
if (run?.error) throw run.error;

const wanted = (name: string) => name.endsWith('-320.png') || WIDE.some(([file]) => name === `${file}.png`);
const images = existsSync(saved) ? readdirSync(saved).filter(wanted) : [];
if (images.length === 0) {
  console.error(`The fit test saved no screenshots in ${saved}.`);
  process.exit(1);
}
mkdirSync(docs, { recursive: true });
for (const name of images.sort()) copyFileSync(join(saved, name), join(docs, name));
// The page lists every image in docs/screens, so a run that saved only some keeps the others listed.
writeFileSync(join(root, 'docs', 'screens.md'), page(readdirSync(docs).filter(wanted).sort()));
console.log(`${images.length} screenshots copied to ${docs}: ${images.join(', ')}`);
if (run && run.status !== 0) {
  console.error('The fit test failed (see above): some view does not fit 320 px yet; the screenshots show it.');
  process.exit(run.status ?? 1);
}
