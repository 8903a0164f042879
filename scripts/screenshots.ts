import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * npm run screenshots: the pane's views at 320 px (some also at 1 400 px; the impact sheet, in
 * the workbook beside the pane, only there), in Swedish, for docs/screens/. The fit test
 * (test/e2e/fit.test.ts), the impact test (test/e2e/impact.test.ts) and the budget-plan test
 * (test/e2e/budget-plan.test.ts) draw the views in
 * Chromium and save them to screenshots/screens/; this runs those tests and copies what they
 * saved. The images are copied even when the test finds a view that does not fit (they show
 * it); the exit code then says so. docs/screens.md, the page that shows them, is written from
 * the images there. `npm run screenshots -- --saved` copies what the last run saved without
 * running the test again.
 */

/** The views in the pane's order, each with what it shows. */
const VIEWS: readonly [file: string, caption: string][] = [
  ['status', 'Status'],
  ['members', 'Medlemmar: registret inläst till bladet'],
  ['members-review', 'Medlemmar: en ändring granskas'],
  ['members-conflict', 'Medlemmar: en kollega har ändrat samma medlem'],
  ['populations', 'Befolkning: en SCB-fil inläst'],
  ['fee-rules', 'Avgiftsregler'],
  ['impact', 'Avgiftsregler: ett förslags konsekvens'],
  ['impact-sheet', 'Avgiftsregler: förslagets konsekvensblad i arbetsboken'],
  ['reimbursements', 'Ersättningar: en registrerad ersättning och rättelseformuläret'],
  ['budget', 'Budget: bladet skapat'],
  ['budget-plan', 'Budget: budgetår och tre planår, kostnader inskrivna, resultat och diagram'],
  ['invoices', 'Fakturor: bladet skapat'],
];

function page(images: readonly string[]): string {
  // A view may be drawn only wide: the workbook beside the pane (the impact sheet).
  const known = VIEWS.filter(([file]) => images.includes(`${file}-320.png`) || images.includes(`${file}-1400.png`));
  const others = images.filter((image) => image.endsWith('-320.png') && !VIEWS.some(([file]) => image === `${file}-320.png`)).map((image): [string, string] => [image.replace(/-320\.png$/, ''), image]);
  const sections = [...known, ...others].map(([file, caption]) => {
    const shots = [
      ['320', '320 px'],
      ['1400', '1 400 px'],
    ]
      .filter(([width]) => images.includes(`${file}-${width}.png`))
      .map(([width, label]) => `![${caption}, ${label}](screens/${file}-${width}.png)\n`);
    return `## ${caption}\n\n${shots.join('\n')}`;
  });
  return [
    '# The pane at 320 px',
    '',
    "Each view of the task pane at Excel's task-pane width, in Swedish, in preview mode. `npm run screenshots`",
    'redraws them: the fit test (`test/e2e/fit.test.ts`) visits every view at 320 and 1 400 px in Swedish and English,',
    'fails when anything sticks out of the pane or the page scrolls sideways, and saves these images. A proposal’s',
    'impact comes from `test/e2e/impact.test.ts` and the multi-year budget from `test/e2e/budget-plan.test.ts`; at',
    '1 400 px preview mode draws the workbook beside the pane.',
    '',
    ...sections,
  ].join('\n');
}

const root = fileURLToPath(new URL('..', import.meta.url));
const saved = join(root, 'screenshots', 'screens');
const docs = join(root, 'docs', 'screens');

// --saved: copy what the last run of the fit test saved, without running it again.
const run = process.argv.includes('--saved')
  ? undefined
  : spawnSync('npx', ['vitest', 'run', 'test/e2e/fit.test.ts', 'test/e2e/impact.test.ts', 'test/e2e/budget-plan.test.ts'], { cwd: root, stdio: 'inherit' });
if (run?.error) throw run.error;

/** The images the page shows: each view at 320 px, some also at 1 400 px. */
const wanted = (name: string): boolean => name.endsWith('-320.png') || name.endsWith('-1400.png');
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
  console.error('A browser test failed (see above): some view does not fit yet; the screenshots show it.');
  process.exit(run.status ?? 1);
}
