// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImpact } from '@ssr/shared';
import { SEED_MEMBERS, SEED_POPULATIONS, feeImpact, formatMoney, snapshotViewSchema } from '@ssr/shared';
import { FeeRulesView } from '../../../addin/src/pane/fee-rules/FeeRulesView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/** 1 October 2026: the proposal for 2027 is out for approval, and no figure of 31 Dec 2026 exists yet. */
const NOW = Date.UTC(2026, 9, 1, 10);

/** The worked proposal: effective 2027, 1,75 kr per inhabitant, 300 000 / 600 000 kr. */
const PROPOSAL = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };

let pane: PaneStack;
/** The engine's impact for 2027 in estimate mode, computed from the register the API serves. */
let expected: FeeImpact;

beforeAll(async () => {
  pane = await startPaneStack({ now: () => NOW });
  const created = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(PROPOSAL) });
  expect(created.status, await created.text()).toBe(201);
  const snapshot = snapshotViewSchema.parse(await (await pane.api('/snapshot')).json());
  const impact = feeImpact(snapshot, 2027, 'estimate', PROPOSAL.id);
  if (!impact.ok) throw new Error(impact.error.message);
  expected = impact.value;
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
/** The element's text as a person reads it: each piece of text apart from the next (jsdom lays nothing out). */
function text(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '');
  return squash(pieces.join(' '));
}

async function openImpact(language: 'sv' | 'en') {
  const rendered = renderPane(<FeeRulesView />, pane.services, language);
  const card = await screen.findByRole('article', { name: PROPOSAL.id }, { timeout: 20_000 });
  await rendered.user.click(within(card).getByRole('button', { name: language === 'sv' ? 'Konsekvens' : 'Impact' }));
  const impact = await within(card).findByRole('region', { name: language === 'sv' ? 'Konsekvens 2027' : 'Impact 2027' }, { timeout: 20_000 });
  return { ...rendered, card, impact };
}

function memberItem(impact: HTMLElement, name: string): HTMLElement {
  const item = within(impact).getAllByRole('listitem').find((candidate) => candidate.firstElementChild?.textContent === name);
  if (!item) throw new Error(`No impact line for ${name}`);
  return item;
}

describe('a draft’s impact in the fee-rule view', () => {
  it('shows Nacka’s fee in force, the proposal and the difference, the totals the engine computes, in estimate mode and said so', async () => {
    const { impact, card } = await openImpact('sv');
    const sek = (ore: number) => squash(formatMoney(ore, 'sv'));
    expect(within(impact).getByRole<HTMLInputElement>('textbox', { name: 'Avgiftsår' }).value).toBe('2027');
    expect(within(impact).getByText('Uppskattning: folkmängd saknas för 31 dec 2026; senaste kända siffra används.')).toBeTruthy();
    expect(within(impact).getAllByText('Förslag').length).toBeGreaterThan(1);

    // 1,50 kr and 1,75 kr × Nacka's latest figure (112 112, 31 Dec 2024).
    const nacka = memberItem(impact, 'Nacka');
    expect(text(nacka)).toContain('Gäller nu 168 168,00 kr Förslag 196 196,00 kr Skillnad +28 028,00 kr (+16,7 %)');
    expect(text(nacka)).toContain('1,75 kr × 112 112 inv. (31 dec 2026; uppskattad med 31 dec 2024)');
    expect(text(memberItem(impact, 'SOS Alarm'))).toContain('Gäller nu 280 000,00 kr Förslag 300 000,00 kr Skillnad +20 000,00 kr (+7,1 %)');

    // The overall total and each group's, as the engine computes them from the same register.
    const all = within(impact).getByRole('group', { name: 'Totalt alla parter' });
    const { totals } = expected;
    expect(text(all)).toBe(`Totalt alla parter Gäller nu ${sek(totals.all.inForceOre)} Förslag ${sek(totals.all.proposalOre)} Skillnad +${sek(totals.all.differenceOre)} (+${(totals.all.differencePercent ?? 0).toFixed(1).replace('.', ',')} %)`);
    for (const [group, label] of [['Norr', 'Norr'], ['Mitt', 'Mitt'], ['Syd', 'Syd'], ['Stockholms stad', 'Stockholms stad'], ['others', 'Övriga aktörer']] as const) {
      const subtotal = within(impact).getByRole('group', { name: `Summa ${label}` });
      expect(text(subtotal), group).toContain(`Gäller nu ${sek(totals[group].inForceOre)} Förslag ${sek(totals[group].proposalOre)} Skillnad +${sek(totals[group].differenceOre)}`);
      const members = within(impact).getByRole('list', { name: label });
      expect(within(members).getAllByRole('listitem'), group).toHaveLength(expected.lines.filter((line) => line.group === group).length);
    }
    expect(within(within(impact).getByRole('list', { name: 'Mitt' })).getAllByRole('listitem').map((item) => item.firstElementChild?.textContent)).toContain('Nacka');

    // The sheet of the same version, year and mode is a click away.
    expect(within(impact).getByRole<HTMLButtonElement>('button', { name: 'Skapa konsekvensblad' }).disabled).toBe(false);
    // Only drafts have an impact.
    const adopted = screen.getByRole('article', { name: 'avgifter-2024' });
    expect(within(adopted).queryByRole('button', { name: 'Konsekvens' })).toBeNull();
    expect(text(card)).not.toMatch(/snapshot|ögonblicksbild|municipality|estimate\b/);
  });

  it('takes only years from the proposal’s effective year, and follows the year typed', async () => {
    const { impact, user } = await openImpact('sv');
    const year = within(impact).getByRole('textbox', { name: 'Avgiftsår' });
    await user.clear(year);
    await user.type(year, '2026');
    expect(within(impact).getByText('Förslaget gäller från 2027. Ange 2027 eller senare.')).toBeTruthy();
    expect(within(impact).queryByRole('group', { name: 'Totalt alla parter' })).toBeNull();
    await user.clear(year);
    await user.type(year, '2029');
    const region = await screen.findByRole('region', { name: 'Konsekvens 2029' });
    // 2029 reads 31 Dec 2028: still the latest figure stands in.
    expect(within(region).getByText('Uppskattning: folkmängd saknas för 31 dec 2028; senaste kända siffra används.')).toBeTruthy();
    expect(text(memberItem(region, 'Nacka'))).toContain('Skillnad +28 028,00 kr (+16,7 %)');
  });

  it('in English: the same figures, English money and words, nothing Swedish but names', async () => {
    const { impact } = await openImpact('en');
    expect(within(impact).getByText('Estimate: the population on 31 Dec 2026 is missing; the latest known figure is used.')).toBeTruthy();
    expect(text(memberItem(impact, 'Nacka'))).toContain('In force SEK 168,168.00 Proposal SEK 196,196.00 Difference +SEK 28,028.00 (+16.7%)');
    expect(text(memberItem(impact, 'Nacka'))).toContain('SEK 1.75 × 112,112 inhabitants (31 Dec 2026; estimated from 31 Dec 2024)');
    const all = within(impact).getByRole('group', { name: 'Total, all parties' });
    expect(text(all)).toContain(`Proposal ${squash(formatMoney(expected.totals.all.proposalOre, 'en'))}`);
    expect(within(impact).getByRole('list', { name: 'Other actors' })).toBeTruthy();
    expect(within(impact).getByRole('button', { name: 'Create impact sheet' })).toBeTruthy();
    await waitFor(() => expect(text(impact)).not.toMatch(/Förslag|Gäller|Skillnad|Summa|Övriga| kr\b|uppskatt/));
  });
});

describe('a draft’s impact once every figure is there', () => {
  it('is exact, and says so, when every municipality has the figure of 31 Dec 2026', async () => {
    // Every municipality's figure of 31 Dec 2026: its latest one plus 500.
    const figures = SEED_MEMBERS.flatMap((member) => {
      const latest = SEED_POPULATIONS.filter((figure) => figure.municipalityCode === member.municipalityCode).sort((a, b) => b.year - a.year)[0];
      return latest ? [{ municipalityCode: latest.municipalityCode, year: 2026, population: latest.population + 500, source: 'SCB BE0101N1' }] : [];
    });
    expect(figures).toHaveLength(26);
    const put = await pane.api('/populations/2026', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': '"empty"' }, body: JSON.stringify({ figures }) });
    expect(put.status, await put.text()).toBe(200);
    await pane.services.snapshots.refresh();

    const { impact } = await openImpact('sv');
    expect(await within(impact).findByText('Exakt: befolkningen 31 dec 2026 finns för alla kommuner.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(within(impact).queryByText(/Uppskattning/)).toBeNull();
    const nacka = memberItem(impact, 'Nacka');
    expect(text(nacka)).toContain(`Förslag ${squash(formatMoney(175 * 112_612, 'sv'))}`);
    expect(text(nacka)).toContain('1,75 kr × 112 612 inv. (31 dec 2026)');
  });
});
