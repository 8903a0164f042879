// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/* An editor: may save the register, but removing a member is the admins' (the API says 403, and why). */

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ devRole: 'editor' });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

describe('an editor', () => {
  it('is told before saving that removing needs an admin; the API refuses the removal and the pane gives its reason', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    const index = (await pane.workbook.readTable(MEMBERS_TABLE))?.rows.findIndex((row) => row[0] === 'nacka') ?? -1;
    await pane.workbook.deleteTableRow(MEMBERS_TABLE, index);
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    expect(await screen.findByText('Att ta bort medlemmar kräver rollen administratör.')).toBeTruthy();

    // Saving is the editor's to try: the removal is one change among others the pane does not block.
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Spara 1 ändring' });
    expect(save.disabled).toBe(false);
    await user.click(save);
    const bar = await screen.findByRole('group', { name: 'Behörighet saknas' }, { timeout: 20_000 });
    expect(within(bar).getByText('Det här kräver rollen administratör (SSR.Admin); du har rollen redigerare (SSR.Editor).', { exact: false })).toBeTruthy();
    expect(within(bar).getByText('Be en administratör om en roll som får göra detta.')).toBeTruthy();

    expect(pane.requests.filter((request) => !request.startsWith('GET '))).toEqual(['DELETE /members/nacka']);
    expect((await pane.api('/members/nacka')).status).toBe(200);
  });
});
