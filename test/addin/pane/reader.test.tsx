// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeeRulesView } from '../../../addin/src/pane/fee-rules/FeeRulesView';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { ReimbursementsView } from '../../../addin/src/pane/reimbursements/ReimbursementsView';
import { StatusView } from '../../../addin/src/pane/status/StatusView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/* A user whose only role is reader: GET /health says so, and the pane acts on it before anything is sent. */

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ devRole: 'reader' });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const NEEDS_EDITOR = 'Du har rollen läsare och kan inte spara här. Be en administratör om rollen redigerare om du behöver ändra uppgifterna.';
const NEEDS_ADMIN = 'Du har rollen läsare. Bara administratörer kan göra detta.';

/** Requests that would change something: none may leave the pane for a reader. */
const writes = () => pane.requests.filter((request) => !request.startsWith('GET '));

describe('a reader', () => {
  it('sees the API name them as reader', async () => {
    const health = (await (await pane.api('/health')).json()) as { user: { name: string; roles: string[] } };
    expect(health.user).toEqual({ name: 'Testaren', roles: ['reader'] });
    renderPane(<StatusView />, pane.services);
    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Läsare', {}, { timeout: 20_000 })).toBeTruthy();
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toContain('AnvändareTestaren');
    expect(rows).toContain('RollLäsare');
  });

  it('can load and review the register; Save is disabled with the reason beside it, and nothing is sent', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    const before = (await (await pane.api('/members/nacka')).json()) as { name: string; etag: string };
    const index = (await pane.workbook.readTable(MEMBERS_TABLE))?.rows.findIndex((row) => row[0] === 'nacka') ?? -1;
    await pane.workbook.setCellInput(MEMBERS_SHEET, { row: index + 1, column: 1 }, 'Nacka kommun');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));

    // The reason is the button's description and stands beside it, before any attempt.
    const save = await screen.findByRole<HTMLButtonElement>('button', { name: 'Spara 1 ändring', description: NEEDS_EDITOR });
    expect(save.disabled).toBe(true);
    expect(save.parentElement?.textContent).toContain(NEEDS_EDITOR);
    expect(screen.queryByRole('group', { name: 'Behörighet saknas' })).toBeNull();

    expect(writes()).toEqual([]);
    expect(await (await pane.api('/members/nacka')).json()).toEqual(before);
  });

  it('sees the fee rule forms disabled, with why, and cannot record a reimbursement', async () => {
    renderPane(
      <>
        <FeeRulesView />
        <ReimbursementsView />
      </>,
      pane.services,
    );
    const propose = await screen.findByRole('region', { name: 'Föreslå en ny version' }, { timeout: 20_000 });
    // Disabled once /health has named the role (it answers alongside the list of versions).
    const proposeButton = await within(propose).findByRole<HTMLButtonElement>('button', { name: 'Föreslå version', description: NEEDS_ADMIN }, { timeout: 20_000 });
    expect(proposeButton.disabled).toBe(true);
    expect(within(propose).getByRole<HTMLInputElement>('textbox', { name: 'Versionens namn' }).disabled).toBe(true);

    const approve = screen.getByRole('region', { name: 'Registrera ett godkännande' });
    expect(within(approve).getByRole<HTMLButtonElement>('button', { name: 'Registrera godkännande', description: NEEDS_ADMIN }).disabled).toBe(true);
    expect(within(approve).getByRole<HTMLSelectElement>('combobox', { name: 'Version' }).disabled).toBe(true);

    const record = screen.getByRole('region', { name: 'Registrera ersättning' });
    expect(within(record).getByRole<HTMLButtonElement>('button', { name: 'Registrera ersättning', description: NEEDS_EDITOR }).disabled).toBe(true);
    expect(within(record).getByRole<HTMLInputElement>('textbox', { name: 'Belopp (kr)' }).disabled).toBe(true);
    expect(writes()).toEqual([]);
  });
});
