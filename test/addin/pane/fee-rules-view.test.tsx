// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeeRulesView } from '../../../addin/src/pane/fee-rules/FeeRulesView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/** 1 October 2025: a fee change for 2026 is out for approval. */
const NOW = Date.UTC(2025, 9, 1, 10);

let pane: PaneStack;

/** A version proposed straight to the API, as another admin would. */
async function propose(id: string, effectiveFrom: number, approvals: { memberId: string; approvedOn: string; reference: string }[] = []) {
  return pane.api('/fee-rules', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, effectiveFrom, perInhabitantOre: 175, singleFeeOre: 28_000_000, doubleFeeOre: 56_000_000, populationYearOffset: 1, approvals }),
  });
}

beforeAll(async () => {
  pane = await startPaneStack({ now: () => NOW });
  // The 2026 draft has Nacka's approval; the form's usual proposal (next year, avgifter-2026) is taken.
  const created = await propose('avgifter-2026', 2026, [{ memberId: 'nacka', approvedOn: '2025-09-22', reference: 'KF 2025-09-22 § 12' }]);
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const items = (list: HTMLElement) => within(list).getAllByRole('listitem').map(text);

async function versionCard(name: string) {
  return screen.findByRole('article', { name }, { timeout: 20_000 });
}

describe('Fee rules view: who approved and who is pending', () => {
  it('lists, per version, each approver by name with the date and reference of the decision, and the pending parties by name', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    // No rule number in the heading.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Avgiftsregler');

    const adopted = await versionCard('avgifter-2024');
    expect(within(adopted).getByText('Antagen 5 jul 2024')).toBeTruthy();
    expect(within(adopted).getByText('37 av 37 parter har godkänt')).toBeTruthy();
    expect(within(adopted).getByText('1,50 kr')).toBeTruthy();
    expect(within(adopted).getByText('280 000,00 kr')).toBeTruthy();
    // 37 names start folded; one press opens them.
    await user.click(within(adopted).getByText('Har godkänt (37)'));
    const adoptedBy = within(adopted).getByRole('list', { name: 'Har godkänt (37)' });
    expect(items(adoptedBy)).toHaveLength(37);
    expect(items(adoptedBy)).toContain('Nacka 5 jul 2024, Överenskommelse om en gemensam plattform för regional samverkan (2024)');
    expect(items(adoptedBy)).toContain('Trafikverket 5 jul 2024, Överenskommelse om en gemensam plattform för regional samverkan (2024)');
    expect(within(adopted).queryByText(/Väntar på/)).toBeNull();
    expect(within(adopted).queryByRole('button', { name: 'Dra tillbaka utkastet avgifter-2024' })).toBeNull();

    const draft = await versionCard('avgifter-2026');
    expect(within(draft).getByText('Utkast')).toBeTruthy();
    expect(within(draft).getByText('1 av 37 parter har godkänt')).toBeTruthy();
    expect(items(within(draft).getByRole('list', { name: 'Har godkänt (1)' }))).toEqual(['Nacka 22 sep 2025, KF 2025-09-22 § 12']);
    await user.click(within(draft).getByText('Väntar på 36 parter'));
    const pending = items(within(draft).getByRole('list', { name: 'Väntar på 36 parter' }));
    expect(pending).toHaveLength(36);
    expect(pending).toEqual(expect.arrayContaining(['Botkyrka', 'Stockholm', 'Region Stockholm', 'SOS Alarm']));
    expect(pending).not.toContain('Nacka');
    expect(within(draft).getByRole('button', { name: 'Dra tillbaka utkastet avgifter-2026' })).toBeTruthy();
  });

  it('records an approval, and the version then names that party with its decision', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    await versionCard('avgifter-2026');
    const approve = screen.getByRole('region', { name: 'Registrera ett godkännande' });
    await user.selectOptions(within(approve).getByRole('combobox', { name: 'Version' }), 'avgifter-2026');
    await user.selectOptions(within(approve).getByRole('combobox', { name: 'Part' }), 'botkyrka');
    const date = within(approve).getByLabelText('Beslutsdatum');
    await user.clear(date);
    await user.type(date, '2025-09-30');
    await user.type(within(approve).getByRole('textbox', { name: 'Beslutsreferens' }), 'KS 2025-09-30 § 4');
    await user.click(within(approve).getByRole('button', { name: 'Registrera godkännande' }));
    expect(await screen.findByText('Botkyrka har godkänt avgifter-2026.', {}, { timeout: 20_000 })).toBeTruthy();
    const draft = await versionCard('avgifter-2026');
    expect(within(draft).getByText('2 av 37 parter har godkänt')).toBeTruthy();
    expect(items(within(draft).getByRole('list', { name: 'Har godkänt (2)' }))).toEqual(['Botkyrka 30 sep 2025, KS 2025-09-30 § 4', 'Nacka 22 sep 2025, KF 2025-09-22 § 12']);
    expect(items(within(draft).getByRole('list', { name: 'Väntar på 35 parter' }))).not.toContain('Botkyrka');
  });
});

describe('Fee rules view: proposing a version', () => {
  it('proposes a year and a name no version has, and refuses a taken year at the field before sending', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    await versionCard('avgifter-2026');
    const form = screen.getByRole('region', { name: 'Föreslå en ny version' });
    const year = within(form).getByRole<HTMLInputElement>('textbox', { name: 'Gäller från' });
    const name = within(form).getByRole<HTMLInputElement>('textbox', { name: /^Versionens namn/ });
    // 2026 and avgifter-2026 are taken: the form starts on the next free ones.
    expect(year.value).toBe('2027');
    expect(name.value).toBe('avgifter-2027');
    // The amounts start as the latest version's, as money the field reads back.
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Avgift per invånare (kr)' }).value).toBe('1,75');

    await user.clear(year);
    await user.type(year, '2026');
    const taken = '2026 har redan versionen avgifter-2026, och ett år kan bara ha en version. Välj ett annat år eller dra tillbaka utkastet avgifter-2026.';
    expect(within(form).getByText(taken)).toBeTruthy();
    // The name follows the year, and is free too.
    expect(name.value).toBe('avgifter-2026-2');
    const sent = pane.requests.length;
    await user.click(within(form).getByRole('button', { name: 'Föreslå version' }));
    expect(within(form).getByText(taken)).toBeTruthy();
    expect(pane.requests.slice(sent).filter((request) => request.startsWith('POST'))).toEqual([]);
    // The API refuses the year too, at the same field.
    const refused = await propose('avgifter-2026-2', 2026);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(['effectiveFrom']);

    await user.clear(year);
    await user.type(year, '2028');
    expect(within(form).queryByText(taken)).toBeNull();
    expect(name.value).toBe('avgifter-2028');
    await user.click(within(form).getByRole('button', { name: 'Föreslå version' }));
    expect(await screen.findByText('Versionen avgifter-2028 är föreslagen. Den gäller när alla parter har godkänt den.', {}, { timeout: 20_000 })).toBeTruthy();
    await versionCard('avgifter-2028');
    // The next proposal starts after the latest version again.
    const next = screen.getByRole('region', { name: 'Föreslå en ny version' });
    await waitFor(() => expect(within(next).getByRole<HTMLInputElement>('textbox', { name: 'Gäller från' }).value).toBe('2029'));
    expect(within(next).getByRole<HTMLInputElement>('textbox', { name: /^Versionens namn/ }).value).toBe('avgifter-2029');
  });

  it('refuses a name another version has, at the field, before sending', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    await versionCard('avgifter-2028');
    const form = screen.getByRole('region', { name: 'Föreslå en ny version' });
    const name = within(form).getByRole('textbox', { name: /^Versionens namn/ });
    await user.clear(name);
    await user.type(name, 'avgifter-2024');
    expect(within(form).getByText('Namnet avgifter-2024 har redan en version. Välj ett annat namn.')).toBeTruthy();
    const sent = pane.requests.length;
    await user.click(within(form).getByRole('button', { name: 'Föreslå version' }));
    expect(pane.requests.slice(sent).filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('withdraws a draft after asking (the adopted version offers no withdrawal: see the first test)', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    const draft = await versionCard('avgifter-2028');
    const withdraw = within(draft).getByRole<HTMLButtonElement>('button', { name: 'Dra tillbaka utkastet avgifter-2028' });
    // Enabled once the view has finished loading.
    await waitFor(() => expect(withdraw.disabled).toBe(false));
    await user.click(withdraw);
    // jsdom leaves tabster's aria-hidden on a Fluent dialog after earlier renders in the file; Chromium does not (e2e).
    const asking = await screen.findByRole('alertdialog', { hidden: true });
    expect(text(asking)).toContain('Dra tillbaka utkastet?');
    await user.click(within(asking).getByText('Ja, dra tillbaka'));
    expect(await screen.findByText('Utkastet avgifter-2028 är tillbakadraget.', {}, { timeout: 20_000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('article', { name: 'avgifter-2028' })).toBeNull());
    const stored = (await (await pane.api('/fee-rules')).json()) as { feeRules: { id: string }[] };
    expect(stored.feeRules.map((rule) => rule.id)).toEqual(['avgifter-2024', 'avgifter-2026']);
  });
});

describe('Fee rules view in English', () => {
  it('says everything in English: status, counts, money, dates, and a taken year', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services, 'en');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Fee rules');
    const adopted = await versionCard('avgifter-2024');
    expect(text(adopted)).toContain('Adopted on 5 Jul 2024');
    expect(within(adopted).getByText('37 of 37 parties have approved')).toBeTruthy();
    expect(within(adopted).getByText('SEK 1.50')).toBeTruthy();
    expect(within(adopted).getByText('SEK 560,000.00')).toBeTruthy();
    const draft = await versionCard('avgifter-2026');
    expect(items(within(draft).getByRole('list', { name: 'Approved by (2)' }))).toContain('Nacka 22 Sep 2025, KF 2025-09-22 § 12');
    expect(within(draft).getByText('Waiting for 35 parties')).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Propose a new version' });
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Fee per inhabitant (SEK)' }).value).toBe('1.75');
    const year = within(form).getByRole('textbox', { name: 'Effective from' });
    await user.clear(year);
    await user.type(year, '2024');
    expect(within(form).getByText('2024 already has the adopted version avgifter-2024, and a year can have only one version. Choose another year.')).toBeTruthy();
    expect(text(document.body)).not.toMatch(/Utkast|Antagen|parter|kr\b/);
  });
});

describe('Fee rules view: the form’s own checks', () => {
  it('refuses an emptied or fractional offset at the field instead of sending 0', async () => {
    const { user } = renderPane(<FeeRulesView />, pane.services);
    await versionCard('avgifter-2026');
    const form = screen.getByRole('region', { name: 'Föreslå en ny version' });
    const offset = within(form).getByRole('textbox', { name: 'Befolkningsår före avgiftsåret' });
    const sent = pane.requests.length;
    for (const typed of ['', '1,5']) {
      await user.clear(offset);
      if (typed !== '') await user.type(offset, typed);
      await user.click(within(form).getByRole('button', { name: 'Föreslå version' }));
      expect(within(form).getByText('Skriv ett helt antal år, 0–5 (vanligen 1).')).toBeTruthy();
    }
    expect(pane.requests.slice(sent).filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('in English: proposes a fees- name that no version has, and the schema’s and the approval’s reasons are English', async () => {
    // A version whose name is the one the form would propose next.
    expect((await propose('fees-2031', 2030)).status).toBe(201);
    const { user } = renderPane(<FeeRulesView />, pane.services, 'en');
    await versionCard('fees-2031');
    const form = screen.getByRole('region', { name: 'Propose a new version' });
    await waitFor(() => expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Effective from' }).value).toBe('2031'));
    const name = within(form).getByRole<HTMLInputElement>('textbox', { name: /^Version name/ });
    expect(name.value).toBe('fees-2031-2');
    const year = within(form).getByRole('textbox', { name: 'Effective from' });
    await user.clear(year);
    await user.type(year, '2032');
    expect(name.value).toBe('fees-2032');

    const offset = within(form).getByRole('textbox', { name: 'Population year before the fee year' });
    await user.clear(offset);
    await user.click(within(form).getByRole('button', { name: 'Propose version' }));
    expect(within(form).getByText('Write a whole number of years, 0–5 (usually 1).')).toBeTruthy();
    await user.type(offset, '9');
    await user.click(within(form).getByRole('button', { name: 'Propose version' }));
    expect(within(form).getByText('The offset may be at most 5 years.')).toBeTruthy();

    const approve = screen.getByRole('region', { name: 'Record an approval' });
    await user.click(within(approve).getByRole('button', { name: 'Record approval' }));
    expect(within(approve).getByText('Give the reference of the decision.')).toBeTruthy();
  });
});
