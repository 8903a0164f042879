import { CLUSTERS, FEE_MODES, feeSchedule, membersInYear, oreToKronor, SEED_MEMBERS } from '@ssr/shared';
import type { FeeMode, Snapshot } from '@ssr/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMode } from '../../../addin/src/custom-functions/args';
import { SEK_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { writeSheetPlan } from '../../../addin/src/excel/write-sheet';
import type { SheetPlan } from '../../../addin/src/excel/sheet-plan';
import { PLAN_ORIGIN, planCell, sheetGrid } from '../../../addin/src/excel/sheet-plan';
import { CATALOGUES } from '../../../addin/src/i18n';
import type { ImpactGroup } from '../../../addin/src/pane/fee-rules/impact-sheet';
import { groupRowKey, IMPACT_COLUMNS, IMPACT_RULE_CELL, impactSheetName, memberRowKey, PERCENT_FORMAT, planImpactSheet } from '../../../addin/src/pane/fee-rules/impact-sheet';
import { buildImpactSheet, impactLabels } from '../../../addin/src/pane/fee-rules/ImpactSheetButton';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

const RULE = 'avgifter-2027';

function plan(year = 2027, mode: FeeMode = 'estimate', lang: 'sv' | 'en' = 'sv', members = membersInYear(SEED_MEMBERS, year)) {
  return planImpactSheet({ ruleId: RULE, year, mode, members, labels: impactLabels(RULE, year, CATALOGUES[lang]) });
}

/** The plan's row index of a key; fails the test when there is none. */
function rowOf(sheet: SheetPlan, key: string): number {
  const index = sheet.rows.findIndex((row) => row.key === key);
  if (index < 0) throw new Error(`no row ${key}`);
  return index;
}

type Column = (typeof IMPACT_COLUMNS)[number];
const at = (sheet: SheetPlan, key: string, column: Column) => planCell(rowOf(sheet, key), IMPACT_COLUMNS.indexOf(column));
const cellOf = (sheet: SheetPlan, key: string, column: Column) => sheet.rows[rowOf(sheet, key)]?.cells[IMPACT_COLUMNS.indexOf(column)];

describe('the impact sheet plan', () => {
  it('heads the sheet with the proposal and year, and keeps year, mode and proposal in cells the formulas read', () => {
    const sheet = plan();
    expect(sheet.sheet).toBe('Konsekvens avgifter-2027 2027');
    expect(sheet.columnKeys).toEqual(['name', 'group', 'inForce', 'proposal', 'difference', 'differencePercent', 'note']);
    const grid = sheetGrid(sheet);
    expect(grid[0]).toEqual(['', ...IMPACT_COLUMNS]);
    expect(grid.slice(1, 5)).toEqual([
      ['title', 'Konsekvens av förslaget avgifter-2027, avgiftsåret 2027'],
      ['year', 'Avgiftsår', 2027],
      ['mode', 'Beräkning', 'uppskattning'],
      ['rule', 'Förslag', 'avgifter-2027'],
    ]);
    expect(grid[6]).toEqual(['header', 'Medlem', 'Grupp', 'Avgift, gällande regel', 'Avgift, förslaget', 'Skillnad (kr)', 'Skillnad (%)', 'Kommentar']);
  });

  it('has a row per member keyed by its id, with the fee in force, under the proposal, and the differences as formulas', () => {
    const sheet = plan();
    const members = sheet.rows.filter((row) => row.key.startsWith('member:'));
    expect(members).toHaveLength(37);
    const nacka = rowOf(sheet, memberRowKey('nacka'));
    const n = nacka + PLAN_ORIGIN.row + 1;
    expect(sheet.rows[nacka]?.cells).toEqual([
      'Nacka',
      'Mitt',
      { formula: '=SSR.FEE("nacka",$C$3,$C$4)' },
      { formula: '=SSR.FEE("nacka",$C$3,$C$4,$C$5)' },
      { formula: `=E${n}-D${n}` },
      { formula: `=IF(D${n}=0,"",F${n}/D${n})` },
      '',
    ]);
    // The note is the only thing typed in a member's row.
    expect(sheet.inputs).toEqual(members.map((row) => ({ row: row.key, column: 'note' })));
  });

  it('groups the members Norr, Mitt, Syd, Stockholms stad, then the other actors, by name within a group', () => {
    const sheet = plan();
    const text = (cell: unknown) => (typeof cell === 'string' ? cell : '');
    const groups = sheet.rows.filter((row) => row.key.startsWith('member:')).map((row) => text(row.cells[1]));
    const order = ['Norr', 'Mitt', 'Syd', 'Stockholms stad', 'Övriga aktörer'];
    expect([...new Set(groups)]).toEqual(order);
    expect(groups).toEqual([...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const others = sheet.rows.filter((row) => row.key.startsWith('member:') && row.cells[1] === 'Övriga aktörer').map((row) => text(row.cells[0]));
    expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, 'sv')));
  });

  it('adds each group’s members by the group column (so a sorted sheet still adds up), the subtotals in a total, and checks against SSR.TOTAL in the sheet’s language', () => {
    const sheet = plan();
    const memberRows = sheet.rows.flatMap((row, index) => (row.key.startsWith('member:') ? [index + PLAN_ORIGIN.row + 1] : []));
    const [first, last] = [memberRows[0], memberRows.at(-1)];
    expect(cellOf(sheet, groupRowKey('Norr'), 'inForce')).toEqual({ formula: `=SUMIF($C$${first}:$C$${last},"Norr",D$${first}:D$${last})` });
    expect(cellOf(sheet, groupRowKey('Norr'), 'proposal')).toEqual({ formula: `=SUMIF($C$${first}:$C$${last},"Norr",E$${first}:E$${last})` });
    expect(cellOf(sheet, groupRowKey('others'), 'inForce')).toEqual({ formula: `=SUMIF($C$${first}:$C$${last},"Övriga aktörer",D$${first}:D$${last})` });
    expect(cellOf(plan(2027, 'estimate', 'en'), groupRowKey('others'), 'proposal')).toEqual({ formula: `=SUMIF($C$${first}:$C$${last},"Other actors",E$${first}:E$${last})` });
    const groupKeys = (['Norr', 'Mitt', 'Syd', 'Stockholms stad', 'others'] as const).map(groupRowKey);
    const groupRows = groupKeys.map((key) => rowOf(sheet, key) + PLAN_ORIGIN.row + 1);
    expect(groupRows).toEqual(groupRows.map((_, i) => (groupRows[0] ?? 0) + i));
    expect(cellOf(sheet, 'total', 'inForce')).toEqual({ formula: `=SUM(D${groupRows[0]}:D${groupRows.at(-1)})` });
    expect(cellOf(sheet, 'check', 'inForce')).toEqual({ formula: '=SSR.TOTAL($C$3,"alla",$C$4)' });
    expect(cellOf(sheet, 'check', 'proposal')).toEqual({ formula: '=SSR.TOTAL($C$3,"alla",$C$4,$C$5)' });
    expect(cellOf(plan(2027, 'estimate', 'en'), 'check', 'proposal')).toEqual({ formula: '=SSR.TOTAL($C$3,"all",$C$4,$C$5)' });
    const check = rowOf(sheet, 'check') + PLAN_ORIGIN.row + 1;
    expect(cellOf(sheet, 'check', 'differencePercent')).toEqual({ formula: `=IF(D${check}=0,"",F${check}/D${check})` });
  });

  it('formats kronor as kr, the proposal’s as a proposal, and the difference in percent, for members, groups, total and check', () => {
    const sheet = plan();
    const first = rowOf(sheet, 'header') + PLAN_ORIGIN.row + 2;
    const last = first + 36;
    const groups = rowOf(sheet, groupRowKey('Norr')) + PLAN_ORIGIN.row + 1;
    const check = rowOf(sheet, 'check') + PLAN_ORIGIN.row + 1;
    expect(sheet.formats).toEqual(
      expect.arrayContaining([
        { address: `D${first}:D${last}`, format: { numberFormat: SEK_FORMAT } },
        { address: `E${first}:E${last}`, format: { numberFormat: '#,##0.00 "kr (förslag)"' } },
        { address: `F${first}:F${last}`, format: { numberFormat: SEK_FORMAT } },
        { address: `G${first}:G${last}`, format: { numberFormat: PERCENT_FORMAT } },
        { address: `D${groups}:D${check}`, format: { numberFormat: SEK_FORMAT } },
        { address: `E${groups}:E${check}`, format: { numberFormat: '#,##0.00 "kr (förslag)"' } },
        { address: `F${groups}:F${check}`, format: { numberFormat: SEK_FORMAT } },
        { address: `G${groups}:G${check}`, format: { numberFormat: PERCENT_FORMAT } },
      ]),
    );
    expect(SEK_FORMAT).toBe('#,##0.00 "kr"');
    expect(PERCENT_FORMAT).toBe('0.0 %');
    expect(plan(2027, 'estimate', 'en').formats).toContainEqual({ address: `E${first}:E${last}`, format: { numberFormat: '#,##0.00 "kr (proposal)"' } });
  });

  it('charts the rule in force against the proposal per group: two series by column, named', () => {
    const sheet = plan();
    const first = rowOf(sheet, groupRowKey('Norr')) + PLAN_ORIGIN.row + 1;
    expect(sheet.charts).toEqual([
      {
        sheet: 'Konsekvens avgifter-2027 2027',
        name: 'SSR_ImpactChart_2027',
        title: 'Avgifter per grupp 2027: gällande regel och förslaget avgifter-2027',
        source: `C${first}:E${first + 4}`,
        seriesBy: 'columns',
        seriesNames: ['Gällande regel', 'Förslaget avgifter-2027'],
        anchor: expect.any(String) as string,
      },
    ]);
    expect(plan(2027, 'estimate', 'en').charts[0]?.seriesNames).toEqual(['Rule in force', 'Proposal avgifter-2027']);
  });

  it('names the sheet within Excel’s 31 characters, cutting a long version name, marking it by the whole name and keeping the year', () => {
    expect(impactSheetName('Konsekvens', 'avgifter-2027', 2027)).toBe('Konsekvens avgifter-2027 2027');
    const long = impactSheetName('Konsekvens', 'avgifter-2027-justerat-efter-remiss', 2027);
    expect(long).toMatch(/^Konsekvens avgi…miss [0-9a-z]{5} 2027$/);
    expect(long).toHaveLength(31);
    // The same id always gives the same name: a rebuild finds its sheet.
    expect(impactSheetName('Konsekvens', 'avgifter-2027-justerat-efter-remiss', 2027)).toBe(long);
    expect(impactSheetName('Impact', 'avgifter-2027-justerat-efter-remiss', 2027)).toMatch(/^Impact avgift…remiss [0-9a-z]{5} 2027$/);
    expect(plan(2027, 'estimate', 'en').sheet).toBe('Impact avgifter-2027 2027');
    // Variants that differ only in the middle once cut alike; the mark keeps them apart.
    const ids = ['avgifter-2027a-remiss', 'avgifter-2027b-remiss', 'avgifter-2027c-remiss', 'avgifter-2027-justerat-efter-samrad', 'avgifter-2027-justerat-efter-remiss'];
    for (const prefix of ['Konsekvens', 'Impact']) {
      const names = ids.map((id) => impactSheetName(prefix, id, 2027));
      expect(new Set(names).size).toBe(ids.length);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(31);
        // Excel refuses : \ / ? * [ ] in a sheet name, and an apostrophe at either end.
        expect(name).not.toMatch(/[:\\/?*[\]]|^'|'$/);
      }
    }
    // The names to try when the usual one holds another proposal: distinct, within 31 characters.
    expect(impactSheetName('Impact', 'avgifter-2027', 2027, 2)).toBe('Impact avgifter-2027 2027 (2)');
    expect(impactSheetName('Konsekvens', 'avgifter-2027', 2027, 2)).toMatch(/^Konsekvens av…27 [0-9a-z]{5} 2027 \(2\)$/);
    expect(impactSheetName('Konsekvens', 'avgifter-2027a-remiss', 2027, 2)).toMatch(/^Konsekvens av…ss [0-9a-z]{5} 2027 \(2\)$/);
  });

  it('shows the mode in words the SSR functions read as that mode, in either language', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const mode of FEE_MODES) expect(readMode(catalogue.impactSheet.modeWords[mode])).toBe(mode);
    }
    expect(plan(2027, 'exact', 'en').rows[2]?.cells).toEqual(['Calculation', 'exact']);
  });
});

describe('what the pane says after building', () => {
  it.each([
    ['sv', CATALOGUES.sv.impactSheet.created('K', 1), 'Bladet "K" är skapat med 1 medlem och levande formler.'],
    ['sv', CATALOGUES.sv.impactSheet.updated('K', 0), 'Bladet "K" är uppdaterat.'],
    ['sv', CATALOGUES.sv.impactSheet.updated('K', 2), 'Bladet "K" är uppdaterat. De 2 kommentarer ni skrivit finns kvar där de hör hemma.'],
    ['sv', CATALOGUES.sv.impactSheet.replaced('K', 'K (äldre)'), 'Bladet "K" är skapat på nytt med det ni skrivit som fick plats. Det som inte fick plats finns kvar i det gamla bladet, som nu heter "K (äldre)".'],
    ['en', CATALOGUES.en.impactSheet.replaced('K', 'K (older)'), 'The sheet "K" has been created anew with what you wrote that had a place in it. What had none is still in the old sheet, now named "K (older)".'],
    ['en', CATALOGUES.en.impactSheet.created('K', 1), 'The sheet "K" has been created with 1 member and live formulas.'],
    ['en', CATALOGUES.en.impactSheet.updated('K', 1), 'The sheet "K" has been updated. The note you wrote is kept where it belongs.'],
    ['en', CATALOGUES.en.impactSheet.updated('K', 3), 'The sheet "K" has been updated. The 3 notes you wrote are kept where they belong.'],
  ])('%s: %s', (_, said, expected) => {
    expect(said).toBe(expected);
  });
});

// The worked proposal: 1,75 kr per inhabitant and 300 000 / 600 000 kr from 2027, fee year 2027 in
// estimate mode, built into the preview workbook whose SSR cells are the real custom functions
// over the real API.
const DRAFT = { id: RULE, effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };

describe('the impact sheet in the preview workbook, computed by the SSR functions', () => {
  let pane: PaneStack;
  let snapshot: Snapshot;

  beforeAll(async () => {
    pane = await startPaneStack();
    const created = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(DRAFT) });
    expect(created.status).toBe(201);
    snapshot = (await (await pane.api('/snapshot')).json()) as Snapshot;
  });
  afterAll(async () => {
    await pane.stop();
  });

  const read = async (sheet: SheetPlan, key: string, column: Column) => (await pane.workbook.readRange(sheet.sheet, at(sheet, key, column))).values[0]?.[0];
  const ore = (value: unknown) => Math.round(Number(value) * 100);

  async function build() {
    const built = await buildImpactSheet({ workbook: pane.workbook, register: snapshot }, { ruleId: RULE, year: 2027, mode: 'estimate' }, CATALOGUES.sv);
    await pane.workbook.whenCalculated();
    return built;
  }

  it('Nacka: 1,75 kr × its latest figure under the proposal, against 1,50 kr × the same figure', async () => {
    const built = await build();
    expect(built.result).toEqual({ outcome: 'created' });
    expect(built.notice).toEqual({ intent: 'success', body: 'Bladet "Konsekvens avgifter-2027 2027" är skapat med 37 medlemmar och levande formler.' });
    const sheet = plan();
    const latest = snapshot.populations.filter((figure) => figure.municipalityCode === '0182').sort((a, b) => b.year - a.year)[0];
    if (!latest) throw new Error('no figure for Nacka');
    const nacka = memberRowKey('nacka');
    expect(await read(sheet, nacka, 'inForce')).toBe(oreToKronor(150 * latest.population));
    expect(await read(sheet, nacka, 'proposal')).toBe(oreToKronor(175 * latest.population));
    expect(ore(await read(sheet, nacka, 'difference'))).toBe(25 * latest.population);
    expect(await read(sheet, nacka, 'differencePercent')).toBeCloseTo(1 / 6, 10);
    // An actor's single fee: 280 000 kr in force, 300 000 kr proposed.
    expect(await read(sheet, memberRowKey('sos-alarm'), 'difference')).toBe(20_000);
  });

  it('every group subtotal and the total equal the engine’s schedule with and without the proposal, and so do the check rows', async () => {
    await build();
    const sheet = plan();
    const inForce = feeSchedule(snapshot, 2027, 'estimate');
    const proposal = feeSchedule(snapshot, 2027, 'estimate', RULE);
    if (!inForce.ok || !proposal.ok) throw new Error('the engine has no schedule for 2027');
    const groups: readonly ImpactGroup[] = [...CLUSTERS, 'others'];
    for (const group of groups) {
      expect([group, ore(await read(sheet, groupRowKey(group), 'inForce'))]).toEqual([group, inForce.value.totals[group]]);
      expect([group, ore(await read(sheet, groupRowKey(group), 'proposal'))]).toEqual([group, proposal.value.totals[group]]);
      expect([group, ore(await read(sheet, groupRowKey(group), 'difference'))]).toEqual([group, proposal.value.totals[group] - inForce.value.totals[group]]);
    }
    for (const row of ['total', 'check']) {
      expect([row, ore(await read(sheet, row, 'inForce'))]).toEqual([row, inForce.value.totals.all]);
      expect([row, ore(await read(sheet, row, 'proposal'))]).toEqual([row, proposal.value.totals.all]);
    }
    const chart = (await pane.workbook.readRange(sheet.sheet, sheet.charts[0]?.source ?? '')).values;
    expect(chart.map((row) => row[0])).toEqual(['Norr', 'Mitt', 'Syd', 'Stockholms stad', 'Övriga aktörer']);
  });

  it('says why, and builds nothing, where the formulas could not compute: a year before the proposal, figures missing in exact mode', async () => {
    const before = await buildImpactSheet({ workbook: pane.workbook, register: snapshot }, { ruleId: RULE, year: 2026, mode: 'estimate' }, CATALOGUES.sv);
    expect(before).toEqual({ notice: { intent: 'warning', body: 'Förslaget avgifter-2027 gäller från 2027, inte 2026. Välj 2027 eller ett senare år.' } });
    const exact = await buildImpactSheet({ workbook: pane.workbook, register: snapshot }, { ruleId: RULE, year: 2027, mode: 'exact' }, CATALOGUES.en);
    expect(exact.result).toBeUndefined();
    expect(exact.notice).toMatchObject({ intent: 'warning', title: 'Population figures missing', body: expect.stringMatching(/^\d+ members lack a population figure for fee year 2027: .*Nacka.*choose estimate\.$/) as string });
    const sheets = await pane.workbook.sheetNames();
    expect(sheets).not.toContain('Konsekvens avgifter-2027 2026');
    expect(sheets).not.toContain('Impact avgifter-2027 2027');
  });

  it('keeps a note typed in the sheet when it is rebuilt, in its member’s row even when rows move', async () => {
    await build();
    const sheet = plan();
    const note = 'Nacka tar upp förslaget i kommunstyrelsen 12 mars.';
    const row = rowOf(sheet, memberRowKey('nacka'));
    await pane.workbook.setCellInput(sheet.sheet, { row: PLAN_ORIGIN.row + row, column: PLAN_ORIGIN.column + IMPACT_COLUMNS.indexOf('note') }, note);

    const rebuilt = await build();
    expect(rebuilt.result).toEqual({ outcome: 'updated', kept: 1 });
    expect(rebuilt.notice.body).toBe('Bladet "Konsekvens avgifter-2027 2027" är uppdaterat. Kommentaren ni skrivit finns kvar där den hör hemma.');
    expect(await read(sheet, memberRowKey('nacka'), 'note')).toBe(note);

    // Without the first member of the sheet, Nacka's row moves up one: the note moves with it.
    const first = sheet.rows.find((each) => each.key.startsWith('member:'))?.key;
    const fewer = plan(2027, 'estimate', 'sv', membersInYear(SEED_MEMBERS, 2027).filter((member) => memberRowKey(member.id) !== first));
    expect(rowOf(fewer, memberRowKey('nacka'))).toBe(row - 1);
    await writeSheetPlan(pane.workbook, fewer);
    await pane.workbook.whenCalculated();
    expect(await read(fewer, memberRowKey('nacka'), 'note')).toBe(note);
    expect(await read(fewer, memberRowKey('nacka'), 'name')).toBe('Nacka');
  });
});

describe('impact sheets of several proposals, sorted and rebuilt, in the preview workbook', () => {
  let pane: PaneStack;
  let snapshot: Snapshot;
  // Two variants whose names cut alike once shortened to Excel's 31 characters.
  const VARIANTS = ['avgifter-2027a-remiss', 'avgifter-2027b-remiss'] as const;

  beforeAll(async () => {
    pane = await startPaneStack();
    const drafts = [DRAFT, { ...DRAFT, id: VARIANTS[0], effectiveFrom: 2028 }, { ...DRAFT, id: VARIANTS[1], effectiveFrom: 2029, perInhabitantOre: 180 }];
    for (const draft of drafts) {
      const created = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) });
      expect(created.status, await created.text()).toBe(201);
    }
    snapshot = (await (await pane.api('/snapshot')).json()) as Snapshot;
  });
  afterAll(async () => {
    await pane.stop();
  });

  const valueIn = async (sheet: string, address: string) => (await pane.workbook.readRange(sheet, address)).values[0]?.[0];
  const ore = (value: unknown) => Math.round(Number(value) * 100);

  it('still adds up each group when the member rows are sorted another way', async () => {
    const built = await buildImpactSheet({ workbook: pane.workbook, register: snapshot }, { ruleId: RULE, year: 2027, mode: 'estimate' }, CATALOGUES.sv);
    expect(built.result).toEqual({ outcome: 'created' });
    const sheet = plan();
    const memberIndexes = sheet.rows.flatMap((row, index) => (row.key.startsWith('member:') ? [index] : []));
    const first = memberIndexes[0] ?? 0;
    const last = memberIndexes.at(-1) ?? 0;
    // Sort as a user would, Z–A by member: each row's name, group and fee formulas move together.
    const block = `${planCell(first, 0)}:${planCell(last, IMPACT_COLUMNS.indexOf('proposal'))}`;
    const read = await pane.workbook.readRange(sheet.sheet, block);
    const rows = read.values.map((values, r) => ({
      name: typeof values[0] === 'string' ? values[0] : '',
      cells: [values[0] ?? null, values[1] ?? null, { formula: read.formulas[r]?.[2] ?? '' }, { formula: read.formulas[r]?.[3] ?? '' }],
    }));
    rows.sort((a, b) => b.name.localeCompare(a.name, 'sv'));
    await pane.workbook.writeRange(
      sheet.sheet,
      planCell(first, 0),
      rows.map((row) => row.cells),
    );
    await pane.workbook.whenCalculated();
    expect(await valueIn(sheet.sheet, planCell(first, 0))).not.toBe(read.values[0]?.[0]);

    const inForce = feeSchedule(snapshot, 2027, 'estimate');
    const proposal = feeSchedule(snapshot, 2027, 'estimate', RULE);
    if (!inForce.ok || !proposal.ok) throw new Error('the engine has no schedule for 2027');
    for (const group of [...CLUSTERS, 'others'] as const) {
      expect([group, ore(await valueIn(sheet.sheet, at(sheet, groupRowKey(group), 'inForce')))]).toEqual([group, inForce.value.totals[group]]);
      expect([group, ore(await valueIn(sheet.sheet, at(sheet, groupRowKey(group), 'proposal')))]).toEqual([group, proposal.value.totals[group]]);
    }
    expect(ore(await valueIn(sheet.sheet, at(sheet, 'total', 'proposal')))).toBe(proposal.value.totals.all);
  });

  it('gives two proposals whose names cut alike two sheets, and never rebuilds a sheet that holds another proposal', async () => {
    const labels = (id: string) => impactLabels(id, 2029, CATALOGUES.sv);
    const build = (id: string) => buildImpactSheet({ workbook: pane.workbook, register: snapshot }, { ruleId: id, year: 2029, mode: 'estimate' }, CATALOGUES.sv);
    const [a, b] = VARIANTS;
    const nameA = impactSheetName('Konsekvens', a, 2029);
    const nameB = impactSheetName('Konsekvens', b, 2029);
    expect(nameA).not.toBe(nameB);
    expect((await build(a)).result).toEqual({ outcome: 'created' });
    expect((await build(b)).result).toEqual({ outcome: 'created' });
    await pane.workbook.whenCalculated();
    expect(await valueIn(nameA, IMPACT_RULE_CELL)).toBe(a);
    expect(await valueIn(nameB, IMPACT_RULE_CELL)).toBe(b);

    // A sheet under B's usual name that is about A (say, renamed by hand) is left as it is: B goes beside it.
    await pane.workbook.renameSheet(nameB, 'Konsekvens B tidigare');
    await writeSheetPlan(pane.workbook, planImpactSheet({ ruleId: a, year: 2029, mode: 'estimate', members: membersInYear(snapshot.members, 2029), labels: labels(a), sheet: nameB }));
    const note = 'Skickat till parterna 3 februari.';
    const notePosition = { row: PLAN_ORIGIN.row + rowOf(plan(), memberRowKey('nacka')), column: PLAN_ORIGIN.column + IMPACT_COLUMNS.indexOf('note') };
    await pane.workbook.setCellInput(nameB, notePosition, note);
    const again = await build(b);
    const elsewhere = impactSheetName('Konsekvens', b, 2029, 2);
    expect(again.result).toEqual({ outcome: 'created' });
    expect(again.notice.body).toBe(`Bladet "${elsewhere}" är skapat med ${membersInYear(snapshot.members, 2029).length} medlemmar och levande formler.`);
    expect(await valueIn(nameB, IMPACT_RULE_CELL)).toBe(a);
    expect((await pane.workbook.readSheet(nameB))?.values.flat()).toContain(note);
    expect(await valueIn(elsewhere, IMPACT_RULE_CELL)).toBe(b);
    // Built again, B finds its own sheet there and updates it.
    expect((await build(b)).result).toEqual({ outcome: 'updated', kept: 0 });
  });

  it('in English, keeps an old sheet under an English name and says that what fitted was carried over', async () => {
    const build = (register: Snapshot) => buildImpactSheet({ workbook: pane.workbook, register }, { ruleId: RULE, year: 2027, mode: 'estimate' }, CATALOGUES.en);
    expect((await build(snapshot)).result).toEqual({ outcome: 'created' });
    const sheet = plan(2027, 'estimate', 'en');
    const note = (id: string) => ({ row: PLAN_ORIGIN.row + rowOf(sheet, memberRowKey(id)), column: PLAN_ORIGIN.column + IMPACT_COLUMNS.indexOf('note') });
    await pane.workbook.setCellInput(sheet.sheet, note('nacka'), 'Nacka: board 12 March.');
    await pane.workbook.setCellInput(sheet.sheet, note('sos-alarm'), 'SOS Alarm: agreed.');
    // Nacka gone from the register: its note has no row in the new sheet.
    const rebuilt = await build({ ...snapshot, members: snapshot.members.filter((member) => member.id !== 'nacka') });
    // The writer cuts a kept name to Excel's 31 characters; the word is the sheet's language's.
    const keptAs = rebuilt.result?.outcome === 'replaced' ? rebuilt.result.keptAs : '';
    expect(keptAs).toMatch(/^Impact avgifter-2027 .* \(older\)$/);
    expect(keptAs.length).toBeLessThanOrEqual(31);
    expect(rebuilt.notice).toEqual({
      intent: 'warning',
      body: `The sheet "Impact avgifter-2027 2027" has been created anew with what you wrote that had a place in it. What had none is still in the old sheet, now named "${keptAs}".`,
    });
    expect((await pane.workbook.readSheet('Impact avgifter-2027 2027'))?.values.flat()).toContain('SOS Alarm: agreed.');
    expect((await pane.workbook.readSheet(keptAs))?.values.flat()).toContain('Nacka: board 12 March.');
  });
});
