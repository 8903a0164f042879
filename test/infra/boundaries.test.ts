import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The boundaries between the parts are lint rules: an import planted across one (at the top of
 * a real file of that part) fails `npm run lint` with the rule that guards it; the same file
 * as it is passes.
 */

const ROOT = process.cwd();
const eslint = new ESLint({ cwd: ROOT });

async function ruleIdsWith(file: string, planted: string): Promise<string[]> {
  const text = `${planted}\n${readFileSync(join(ROOT, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.severity === 2).map((message) => message.ruleId ?? '(parse)');
}

describe('import boundaries', () => {
  it.each([
    ['shared imports the API', 'shared/src/money.ts', "import { routes } from '../../functions/src/routes';\nexport const planted = routes;"],
    ['shared imports the add-in', 'shared/src/money.ts', "import { SSR_FUNCTIONS } from '../../addin/src/custom-functions';\nexport const planted = SSR_FUNCTIONS;"],
    ['shared does I/O', 'shared/src/money.ts', "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;"],
    ['the API imports the add-in', 'functions/src/audit.ts', "import { apiBaseUrl } from '../../addin/src/api/base';\nexport const planted = apiBaseUrl;"],
    ['the add-in imports the API', 'addin/src/api/base.ts', "import { routes } from '../../../functions/src/routes';\nexport const planted = routes;"],
    ['a pane view imports the Office adapter', 'addin/src/pane/App.tsx', "import { OfficeWorkbook } from '../excel/office/workbook';\nexport const planted = OfficeWorkbook;"],
    ['a pane view imports preview internals', 'addin/src/pane/App.tsx', "import { MemoryWorkbook } from '../preview/workbook/workbook';\nexport const planted = MemoryWorkbook;"],
    ['a pane view imports the composition root', 'addin/src/pane/App.tsx', "import { pageRoot } from '../runtime/root';\nexport const planted = pageRoot;"],
    ['the custom functions import React', 'addin/src/custom-functions/compute.ts', "import { useState } from 'react';\nexport const planted = useState;"],
    ['the custom functions import MSAL', 'addin/src/custom-functions/compute.ts', "import { PublicClientApplication } from '@azure/msal-browser';\nexport const planted = PublicClientApplication;"],
  ])('%s: fails lint', async (_, file, planted) => {
    expect(await ruleIdsWith(file, planted)).toContain('no-restricted-imports');
  });

  it('a pane view that reads an Office global fails lint', async () => {
    expect(await ruleIdsWith('addin/src/pane/App.tsx', 'export const planted = () => Office.context.displayLanguage;')).toContain('no-restricted-globals');
  });

  it.each(['shared/src/money.ts', 'functions/src/audit.ts', 'addin/src/pane/App.tsx', 'addin/src/custom-functions/compute.ts'])('%s as it is passes', async (file) => {
    expect(await ruleIdsWith(file, '')).toEqual([]);
  });
});
