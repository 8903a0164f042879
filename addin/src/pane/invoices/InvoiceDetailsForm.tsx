import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Member } from '@ssr/shared';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { NoticeBar } from '../shell/NoticeBar';
import { problemNotice } from '../shell/notice';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // A select is as wide as its longest name unless told otherwise; the pane may be 320 px.
  fit: { minWidth: 0, maxWidth: '100%' },
});

/**
 * The organisation number and invoice reference of one member that lacks them, filled in where
 * the invoices are made. Saved on the member as the API holds it now (read, then written with
 * its etag in If-Match), so only these two fields change and nobody else's edit is overwritten.
 */
export function InvoiceDetailsForm({ lacking }: { lacking: readonly Member[] }) {
  const t = useMessages();
  const styles = useStyles();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  const [chosenId, setChosenId] = useState<string>();
  const chosen = lacking.find((member) => member.id === chosenId) ?? lacking[0];
  const [organisationNumber, setOrganisationNumber] = useState('');
  const [invoiceReference, setInvoiceReference] = useState('');

  const choose = (id: string) => {
    setChosenId(id);
    const member = lacking.find((candidate) => candidate.id === id);
    setOrganisationNumber(member?.organisationNumber ?? '');
    setInvoiceReference(member?.invoiceReference ?? '');
  };

  const save = () =>
    task.run(t.invoices.saving, async () => {
      if (chosen === undefined) return undefined;
      const read = await api.getMember(chosen.id);
      if (!read.ok) return problemNotice(read.problem, t);
      const number = organisationNumber.trim();
      const reference = invoiceReference.trim();
      const next: Member = {
        ...read.value.member,
        ...(number === '' ? {} : { organisationNumber: number }),
        ...(reference === '' ? {} : { invoiceReference: reference }),
      };
      const saved = await api.updateMember(next, read.value.etag);
      if (!saved.ok) return problemNotice(saved.problem, t);
      setChosenId(undefined);
      setOrganisationNumber('');
      setInvoiceReference('');
      await session.refreshAfterWrite();
      return { intent: 'success', body: t.invoices.saved(saved.value.member.name) };
    });

  const nothingTyped = organisationNumber.trim() === '' && invoiceReference.trim() === '';
  const locked = task.busy !== undefined || !session.canEdit || session.offline;
  return (
    <form
      className={styles.form}
      aria-label={t.invoices.fillIn}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t.invoices.member}>
        <Select className={styles.fit} value={chosen?.id ?? ''} disabled={locked} onChange={(_, data) => choose(data.value)}>
          {lacking.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.invoices.organisationNumber} hint={t.invoices.organisationNumberHint}>
        <Input className={styles.fit} value={organisationNumber} disabled={locked} onChange={(_, data) => setOrganisationNumber(data.value)} />
      </Field>
      <Field label={t.invoices.invoiceReference}>
        <Input className={styles.fit} value={invoiceReference} disabled={locked} onChange={(_, data) => setInvoiceReference(data.value)} />
      </Field>
      <div>
        <Button type="submit" disabled={locked || nothingTyped || chosen === undefined}>
          {t.invoices.save}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </form>
  );
}
