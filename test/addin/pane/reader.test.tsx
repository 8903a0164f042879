// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ devRole: 'reader' });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

describe('a reader', () => {
  it('can load and review the register but not save it, and the pane says why', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    const index = (await pane.workbook.readTable(MEMBERS_TABLE))?.rows.findIndex((row) => row[0] === 'nacka') ?? -1;
    await pane.workbook.setCellInput(MEMBERS_SHEET, { row: index + 1, column: 1 }, 'Nacka kommun');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const save = await screen.findByRole<HTMLButtonElement>('button', { name: 'Spara 1 ändring' });

    const health = (await (await pane.api('/health')).json()) as { role?: unknown; user?: { roles?: unknown } };
    if (health.role !== undefined || health.user?.roles !== undefined) {
      // The API says who the user is: the pane knows before anything is sent.
      expect(save.disabled).toBe(true);
      expect(screen.getByText('Du har rollen läsare och kan inte spara här. Be en administratör om rollen redigerare om du behöver ändra uppgifterna.')).toBeTruthy();
    } else {
      // The API does not say: the attempt is refused, and the pane passes on why.
      await user.click(save);
      const bar = await screen.findByRole('group', { name: 'Behörighet saknas' }, { timeout: 20_000 });
      expect(within(bar).getByText(/kräver rollen redigerare/)).toBeTruthy();
      expect(within(bar).getByText('Be en administratör om en roll som får göra detta.')).toBeTruthy();
    }
    const stored = (await (await pane.api('/members/nacka')).json()) as { name: string };
    expect(stored.name).toBe('Nacka');
  });
});
