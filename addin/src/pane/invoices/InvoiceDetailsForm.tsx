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

type DetailField = 'organisationNumber' | 'invoiceReference';

/** A field someone else has filled in since the form was based on the member, and what they wrote. */
interface ChangedMeanwhile {
  field: DetailField;
  theirs: string;
  yours: string;
}

/**
 * The organisation number and invoice reference of one member that lacks them, filled in where
 * the invoices are made. Saved on the member as the API holds it now (read, then written with
 * its etag in If-Match), so nobody's edit of other fields is overwritten; and a value someone
 * else has given one of these two fields since the list was shown is not overwritten either
 * unless the user, shown both values, saves again.
 */
export function InvoiceDetailsForm({ lacking }: { lacking: readonly Member[] }) {
  const t = useMessages();
  const styles = useStyles();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  // The member as the form was based on it: set once one is chosen or typed for, never swapped silently.
  const [basis, setBasis] = useState<Member>();
  const [organisationNumber, setOrganisationNumber] = useState('');
  const [invoiceReference, setInvoiceReference] = useState('');
  const gone = basis !== undefined && !lacking.some((member) => member.id === basis.id) ? basis : undefined;
  const chosen = basis === undefined ? lacking[0] : gone === undefined ? basis : undefined;
  // The member left the list (someone filled it in meanwhile): what was typed was meant for it alone.
  if (gone !== undefined && (organisationNumber !== '' || invoiceReference !== '')) {
    setOrganisationNumber('');
    setInvoiceReference('');
  }

  const choose = (id: string) => {
    const member = lacking.find((candidate) => candidate.id === id);
    setBasis(member);
    setOrganisationNumber(member?.organisationNumber ?? '');
    setInvoiceReference(member?.invoiceReference ?? '');
  };
  const type = (set: (value: string) => void) => (value: string) => {
    if (basis === undefined && chosen !== undefined) setBasis(chosen);
    set(value);
  };

  const save = () =>
    task.run(t.invoices.saving, async () => {
      if (chosen === undefined) return undefined;
      const read = await api.getMember(chosen.id);
      if (!read.ok) return problemNotice(read.problem, t);
      const current = read.value.member;
      const typed: Record<DetailField, string> = { organisationNumber: organisationNumber.trim(), invoiceReference: invoiceReference.trim() };
      const changed: ChangedMeanwhile[] = [];
      for (const field of ['organisationNumber', 'invoiceReference'] as const) {
        const theirs = current[field] ?? '';
        if (typed[field] !== '' && theirs !== '' && theirs !== (chosen[field] ?? '') && theirs !== typed[field]) {
          changed.push({ field, theirs, yours: typed[field] });
        }
      }
      if (changed.length > 0) {
        // Shown both values, the user decides: saving again now starts from what was read.
        setBasis(current);
        return {
          intent: 'warning',
          title: t.invoices.changedMeanwhileTitle(current.name),
          body: t.invoices.changedMeanwhile,
          details: changed.map(({ field, theirs, yours }) => t.invoices.changedField(t.invoices[field], theirs, yours)),
        };
      }
      const next: Member = {
        ...current,
        ...(typed.organisationNumber === '' ? {} : { organisationNumber: typed.organisationNumber }),
        ...(typed.invoiceReference === '' ? {} : { invoiceReference: typed.invoiceReference }),
      };
      const saved = await api.updateMember(next, read.value.etag);
      if (!saved.ok) return problemNotice(saved.problem, t);
      setBasis(undefined);
      setOrganisationNumber('');
      setInvoiceReference('');
      await session.refreshAfterWrite();
      return { intent: 'success', body: t.invoices.saved(saved.value.member.name) };
    });

  const nothingTyped = organisationNumber.trim() === '' && invoiceReference.trim() === '';
  const locked = task.busy !== undefined || !session.canEdit || session.offline;
  const fieldsLocked = locked || chosen === undefined;
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
          {chosen === undefined ? <option value="">{t.invoices.choose}</option> : null}
          {lacking.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
      </Field>
      {gone ? <NoticeBar notice={{ intent: 'info', body: t.invoices.gone(gone.name) }} /> : null}
      <Field label={t.invoices.organisationNumber} hint={t.invoices.organisationNumberHint}>
        <Input className={styles.fit} value={organisationNumber} disabled={fieldsLocked} onChange={(_, data) => type(setOrganisationNumber)(data.value)} />
      </Field>
      <Field label={t.invoices.invoiceReference}>
        <Input className={styles.fit} value={invoiceReference} disabled={fieldsLocked} onChange={(_, data) => type(setInvoiceReference)(data.value)} />
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
