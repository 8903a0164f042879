// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SEED_MEMBERS } from '@ssr/shared';
import type { Member } from '@ssr/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaneProviders, PaneRoot } from '../../../addin/src/pane/PaneRoot';
import { InvoiceDetailsForm } from '../../../addin/src/pane/invoices/InvoiceDetailsForm';
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

interface ApiMember extends Member {
  etag: string;
}

async function apiMember(id: string): Promise<ApiMember> {
  return (await (await pane.api(`/members/${id}`)).json()) as ApiMember;
}

/** A colleague's edit of a member, through the API. */
async function theirEdit(id: string, change: Partial<Member>): Promise<void> {
  const { etag, ...current } = await apiMember(id);
  const response = await pane.api(`/members/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify({ ...current, ...change }) });
  expect(response.status).toBe(200);
}

const lackingOf = (members: readonly Member[]) => members.filter((member) => member.organisationNumber === undefined || member.invoiceReference === undefined);

function form(lacking: readonly Member[]) {
  return (
    <PaneRoot language="sv">
      <PaneProviders services={pane.services}>
        <InvoiceDetailsForm lacking={lacking} />
      </PaneProviders>
    </PaneRoot>
  );
}

async function ready() {
  const number = screen.getByRole<HTMLInputElement>('textbox', { name: /^Organisationsnummer/ });
  await waitFor(() => expect(number.disabled).toBe(false), { timeout: 20_000 });
  return { number, reference: screen.getByRole<HTMLInputElement>('textbox', { name: 'Fakturareferens' }) };
}

describe('Invoice details: nobody else’s value overwritten', () => {
  it('a value a colleague gave the field since the list was shown is not overwritten: both are shown, and only a second Save replaces it', async () => {
    const user = userEvent.setup();
    render(form(lackingOf(SEED_MEMBERS)));
    const { number } = await ready();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Medlem' }), 'danderyd');
    await user.type(number, '212000-0118');
    await theirEdit('danderyd', { organisationNumber: '212000-0142' });

    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const warning = await screen.findByText('Någon annan har ändrat uppgifterna för Danderyd', {}, { timeout: 20_000 });
    expect(warning).toBeTruthy();
    expect(screen.getByText('Organisationsnummer: nu 212000-0142, du skrev 212000-0118.')).toBeTruthy();
    expect((await apiMember('danderyd')).organisationNumber).toBe('212000-0142');

    // Shown both, the user chooses theirs over the colleague's by saving again.
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Uppgifterna för Danderyd är sparade.', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await apiMember('danderyd')).organisationNumber).toBe('212000-0118');
  });

  it('a chosen member that leaves the list is never swapped for another: the fields are cleared, Save is off, and the form says why', async () => {
    const user = userEvent.setup();
    const lacking = lackingOf(SEED_MEMBERS);
    const { rerender } = render(form(lacking));
    const { number, reference } = await ready();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Medlem' }), 'salem');
    await user.type(number, '212000-0159');
    await user.type(reference, 'Ref Salem');

    // A colleague fills Salem in; the register the pane shows no longer lists it.
    rerender(form(lacking.filter((member) => member.id !== 'salem')));
    expect(screen.getByText(/^Salem har fått sina uppgifter ifyllda under tiden/)).toBeTruthy();
    expect(number.value).toBe('');
    expect(reference.value).toBe('');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Spara' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Medlem' }).value).toBe('');
    const sent = pane.requests.length;
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(pane.requests.slice(sent).filter((request) => request.startsWith('PUT'))).toEqual([]);

    // Choosing another member starts afresh.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Medlem' }), 'nacka');
    expect(within(screen.getByRole('form')).queryByText(/^Salem har fått/)).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Spara' }).disabled).toBe(true);
  });
});
