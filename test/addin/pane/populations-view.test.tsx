// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PopulationsView } from '../../../addin/src/pane/populations/PopulationsView';
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

function fixture(name: string): File {
  const bytes = readFileSync(join(process.cwd(), 'test', 'fixtures', 'scb', name));
  return new File([bytes], name, { type: 'text/csv' });
}

const SIX = ['Vallentuna (0115)', 'Värmdö (0120)', 'Salem (0128)', 'Tyresö (0138)', 'Upplands-Bro (0139)', 'Nykvarn (0140)'];

describe('Populations view', () => {
  it('lists the six municipalities fee year 2025 lacks, imports SCB’s file after a preview, and then none are missing', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    const missing = screen.getByRole('region', { name: 'Saknade befolkningstal' });
    const feeYear = within(missing).getByRole('textbox', { name: 'Avgiftsår' });
    await user.clear(feeYear);
    await user.type(feeYear, '2025');
    await user.click(within(missing).getByRole('button', { name: 'Visa vad som saknas' }));
    const list = await within(missing).findByRole('list', { name: '6 kommuner saknar befolkningstal för avgiftsår 2025:' }, { timeout: 20_000 });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent).sort()).toEqual([...SIX].sort());

    await user.upload(screen.getByLabelText('SCB-fil'), fixture('stockholm-2023-2024-comma-bom.csv'));
    const preview = await screen.findByRole('region', { name: 'stockholm-2023-2024-comma-bom.csv' }, { timeout: 20_000 });
    expect(within(preview).getByText('2023, 2024')).toBeTruthy();
    expect(within(preview).getByText('2023: länet 2 454 821 = kommunernas summa')).toBeTruthy();
    expect(within(preview).getByText('2024: länet 2 473 307 = kommunernas summa')).toBeTruthy();
    const changes = within(preview).getByRole('table', { name: 'Förändringar mot lagrade tal' });
    expect(within(changes).getAllByRole('row').slice(1).map((row) => row.textContent?.replace(/\s+/g, ' '))).toEqual([
      'Vallentuna (0115)2024–35 331–',
      'Värmdö (0120)2024–46 852–',
      'Salem (0128)2024–17 490–',
      'Tyresö (0138)2024–49 250–',
      'Upplands-Bro (0139)2024–32 582–',
      'Nykvarn (0140)2024–12 145–',
    ]);
    // Nothing is stored before the user saves.
    const before = (await (await pane.api('/populations?year=2024')).json()) as { figures: unknown[] };
    expect(before.figures).toHaveLength(20);

    await user.click(within(preview).getByRole('button', { name: 'Spara befolkningstal för 2023, 2024' }));
    expect(await screen.findByText('Befolkningstalen för 2023, 2024 är sparade och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    const after = (await (await pane.api('/populations?year=2024')).json()) as { figures: { municipalityCode: string; population: number }[] };
    expect(after.figures).toHaveLength(26);
    expect(after.figures.find((figure) => figure.municipalityCode === '0128')?.population).toBe(17_490);

    await user.click(within(missing).getByRole('button', { name: 'Visa vad som saknas' }));
    expect(await within(missing).findByText('Inga befolkningstal saknas för avgiftsår 2025.', {}, { timeout: 20_000 })).toBeTruthy();
  });

  it('refuses a file whose county sum does not add up, with the line and the reason, and stores nothing', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    await user.upload(screen.getByLabelText('SCB-fil'), fixture('broken-county-sum.csv'));
    const bar = await screen.findByRole('group', { name: 'Filen gick inte att läsa' }, { timeout: 20_000 });
    expect(within(bar).getByText(/^Rad \d+: Länets summa .* stämmer inte med kommunernas summa/)).toBeTruthy();
    expect(within(bar).getByText('Rätta raderna nedan, eller exportera tabellen på nytt från SCB:s statistikdatabas.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Spara befolkningstal/ })).toBeNull();
  });

  it('loads a year’s figures into a sheet of their own', async () => {
    const { user } = renderPane(<PopulationsView />, pane.services);
    const panel = screen.getByRole('region', { name: 'Ett års tal till ett blad' });
    const year = within(panel).getByRole('textbox', { name: 'År (31 december)' });
    await user.clear(year);
    await user.type(year, '2023');
    await user.click(within(panel).getByRole('button', { name: 'Läs in till blad' }));
    expect(await within(panel).findByText('26 befolkningstal är inlästa till bladet "SSR befolkning 2023".', {}, { timeout: 20_000 })).toBeTruthy();
    const table = await pane.workbook.readTable('SSR_Population_2023');
    expect(table?.headers).toEqual(['Kod', 'Kommun', 'År', 'Folkmängd', 'Källa']);
    expect(table?.rows.find((row) => row[0] === '0182')?.slice(0, 4)).toEqual(['0182', 'Nacka', 2023, 110_633]);
  });
});
