// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PopulationsView } from '../../../addin/src/pane/populations/PopulationsView';
import { scbSheet, xlsx } from '../../fixtures/scb/xlsx';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack();
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixtureText = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'scb', name), 'utf8').replace(/^\uFEFF/, '');

/** The reference export's rows (county and 26 municipalities, 2023 and 2024) as worksheet rows. */
const TABLE = fixtureText('stockholm-2023-2024-comma-bom.csv')
  .split('\n')
  .filter((line) => /^"\d/.test(line))
  .map((line) => {
    const [label = '', ...values] = line.split(',');
    return [label.replaceAll('"', ''), ...values.map(Number)] as [string, ...number[]];
  });
const UPPSALA: [string, ...number[]][] = [['03 Uppsala län', 395_026, 397_800], ['0305 Håbo', 22_000, 22_198], ['0380 Uppsala', 240_000, 242_140]];

async function xlsxFile(name: string, table: [string, ...number[]][]): Promise<File> {
  return new File([(await xlsx(scbSheet(table, [2023, 2024]))).slice()], name, { type: XLSX_TYPE });
}

type Stored = { figures: { municipalityCode: string; population: number }[] };
const stored = async (year: number) => ((await (await pane.api(`/populations?year=${year}`)).json()) as Stored).figures;

describe('importing SCB’s Excel export in the Populations view', () => {
  it('reads an xlsx with title rows and footnotes, shows regions outside the county as ignored, and saves only the county’s figures', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    await user.upload(screen.getByLabelText('SCB-fil'), await xlsxFile('BE0101N1.xlsx', [...TABLE, ...UPPSALA]));
    const preview = await screen.findByRole('region', { name: 'BE0101N1.xlsx' }, { timeout: 20_000 });
    expect(within(preview).getByText('2023, 2024')).toBeTruthy();
    expect(within(preview).getByText(/26 kommuner/)).toBeTruthy();
    expect(within(preview).getByText('2024: länet 2 473 307 = kommunernas summa')).toBeTruthy();
    const ignored = within(preview).getByRole('group', { name: '3 regioner i filen ignoreras' });
    expect(within(ignored).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Uppsala län (03), rad 32: ligger utanför Stockholms län och sparas inte',
      'Håbo (0305), rad 33: ligger utanför Stockholms län och sparas inte',
      'Uppsala (0380), rad 34: ligger utanför Stockholms län och sparas inte',
    ]);
    const changes = within(preview).getByRole('table', { name: 'Förändringar mot lagrade tal' });
    expect(within(changes).queryByText(/Håbo|Uppsala/)).toBeNull();
    expect(within(changes).getAllByRole('row')).toHaveLength(7);

    await user.click(within(preview).getByRole('button', { name: 'Spara befolkningstal för 2023, 2024' }));
    expect(await screen.findByText('Befolkningstalen för 2023, 2024 är sparade och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    for (const year of [2023, 2024]) {
      const figures = await stored(year);
      expect(figures).toHaveLength(26);
      expect(figures.every((figure) => figure.municipalityCode.startsWith('01'))).toBe(true);
    }
    expect((await stored(2024)).find((figure) => figure.municipalityCode === '0115')?.population).toBe(35_331);
  });

  it('draws an incomplete county check as a warning, not an error, and still offers to save', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    const withoutSalem = TABLE.filter(([label]) => !label.startsWith('0128 '));
    await user.upload(screen.getByLabelText('SCB-fil'), await xlsxFile('utan-salem.xlsx', withoutSalem));
    const preview = await screen.findByRole('region', { name: 'utan-salem.xlsx' }, { timeout: 20_000 });
    const marks = within(preview).getAllByRole('img', { name: 'Ofullständig' });
    expect(marks).toHaveLength(2);
    expect(within(preview).queryByRole('img', { name: 'Stämmer inte' })).toBeNull();
    expect(within(preview).queryByText('✗')).toBeNull();
    expect(within(preview).getByText('2024: länet 2 473 307, kommunernas summa 2 455 817 – ofullständig, se nedan')).toBeTruthy();
    const warnings = within(preview).getByRole('group', { name: 'Att observera' });
    expect(within(warnings).getByText(/1 av 26 kommuner i 01 Stockholms län finns inte i filen \(0128 Salem\)/)).toBeTruthy();
    expect(within(preview).getByRole('button', { name: 'Spara befolkningstal för 2023, 2024' })).toBeTruthy();
  });

  it('lists every error in a refused file, each with its line, and ignores the footnotes', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    const text = ['"region","2023"', '"0180 Stockholm",ca 988943', '"Nacka",110633', '"0186 Lidingö",48324,1', '', '"Källa: SCB"', 'Fotnot: .. = uppgift saknas, se SCB'].join('\n');
    await user.upload(screen.getByLabelText('SCB-fil'), new File([text], 'fel.csv', { type: 'text/csv' }));
    const bar = await screen.findByRole('group', { name: 'Filen gick inte att läsa' }, { timeout: 20_000 });
    expect(within(bar).getByText('fel.csv: 3 fel')).toBeTruthy();
    expect(within(bar).getAllByRole('listitem').map((item) => item.textContent?.slice(0, 7))).toEqual(['Rad 2: ', 'Rad 3: ', 'Rad 4: ']);
    expect(screen.queryByRole('button', { name: /^Spara befolkningstal/ })).toBeNull();
  });

  it('speaks English in English: errors, warnings, ignored regions and the county check', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services, 'en');
    const text = ['"region","2023"', '"0180 Stockholm",ca 988943', '"Nacka",110633'].join('\n');
    await user.upload(screen.getByLabelText('SCB file'), new File([text], 'bad.csv', { type: 'text/csv' }));
    const bar = await screen.findByRole('group', { name: 'The file could not be read' }, { timeout: 20_000 });
    expect(within(bar).getByText('bad.csv: 2 errors')).toBeTruthy();
    expect(within(bar).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Line 2: The population for 2023 (column "2023") is "ca 988943", which is not a whole number (0 or more).',
      'Line 3: The region "Nacka" should be a code and a name, for example "0180 Stockholm" (municipality) or "01 Stockholms län" (county).',
    ]);

    const withoutSalem = TABLE.filter(([label]) => !label.startsWith('0128 '));
    await user.upload(screen.getByLabelText('SCB file'), await xlsxFile('partial.xlsx', [...withoutSalem, ['0305 Håbo', 22_000, 22_198]]));
    const preview = await screen.findByRole('region', { name: 'partial.xlsx' }, { timeout: 20_000 });
    expect(within(preview).getAllByRole('img', { name: 'Incomplete' })).toHaveLength(2);
    const ignored = within(preview).getByRole('group', { name: '1 region in the file is ignored' });
    expect(within(ignored).getByRole('listitem').textContent).toBe('Håbo (0305), line 31: is outside Stockholm County and is not saved');
    const warnings = within(preview).getByRole('group', { name: 'Note' });
    expect(within(warnings).getByRole('listitem').textContent).toBe(
      "1 of 26 municipalities in 01 Stockholms län is not in the file (0128 Salem), so the county's total could not be fully checked.",
    );
    expect(within(preview).getByText(/25 municipalities/)).toBeTruthy();
    // Nothing Swedish but the names of places from the file.
    const places = [...TABLE.map(([label]) => label.replace(/^\d+ /, '')), 'Håbo'];
    const words = places.reduce((text, place) => text.replaceAll(place, ''), preview.textContent ?? '');
    expect(words).not.toMatch(/[åäöÅÄÖ]|\b(rad|och|kommuner|länet|sparas)\b/);
  });
});
