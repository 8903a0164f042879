import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPageWeight } from '../../addin/scripts/page-weight';
import type { PageWeight } from '../../addin/scripts/page-weight';
import { ensureBuilt } from './browser';

/*
 * What Excel downloads, in order, read from the built chunk graph: the custom functions come
 * from a small entry; React, Fluent and the views only when the pane opens; preview mode's
 * workbook never inside Excel; MSAL only for the first sign-in. (The sizes are figures of
 * `npm run bench`; this checks what is in which download.)
 */

let weight: PageWeight;

beforeAll(() => {
  ensureBuilt();
  weight = readPageWeight(join(process.cwd(), 'addin', 'dist'));
});

const matching = (modules: readonly string[], pattern: RegExp) => modules.filter((module) => pattern.test(module));

describe('the page Excel loads', () => {
  it('registers the functions from an entry with the engine, the snapshot client and the functions, and nothing of the pane', () => {
    const { modules } = weight.registration;
    expect(matching(modules, /\/src\/custom-functions\/fee-functions\.ts$/)).toHaveLength(1);
    expect(matching(modules, /\/src\/snapshot\/client\.ts$/)).toHaveLength(1);
    expect(matching(modules, /\/shared\/src\/fees\.ts$/)).toHaveLength(1);
    expect(matching(modules, /\/node_modules\/(react|react-dom|@fluentui|@azure\/msal-browser)\//)).toEqual([]);
    expect(matching(modules, /\/src\/(pane|preview)\//)).toEqual([]);
  });

  it('loads the views when the pane opens in Excel, and never preview mode or MSAL with them', () => {
    const { modules } = weight.excelPane;
    expect(matching(modules, /\/src\/pane\/App\.tsx$/)).toHaveLength(1);
    expect(matching(modules, /\/src\/excel\/office\/workbook\.ts$/)).toHaveLength(1);
    expect(matching(modules, /\/src\/preview\//)).toEqual([]);
    expect(matching(modules, /\/node_modules\/@azure\/msal-browser\//)).toEqual([]);
  });

  it('keeps MSAL for the first sign-in, and the in-memory workbook for preview mode', () => {
    expect(matching(weight.signIn.modules, /\/node_modules\/@azure\/msal-browser\//).length).toBeGreaterThan(0);
    expect(matching(weight.preview.modules, /\/src\/preview\/workbook\/workbook\.ts$/)).toHaveLength(1);
  });
});
