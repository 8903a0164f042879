import { Button, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, ReimbursedFunction, ReimbursementView } from '@ssr/shared';
import { formatSek, parseWith, reimbursementSchema } from '@ssr/shared';
import { useState } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import type { FormProps } from '../shell/form';
import { isoToday, kronorInput, messagesByField } from '../shell/form';
import { GuardedButton } from '../shell/GuardedButton';
import { useServices } from '../shell/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A native select is as wide as its longest option unless told otherwise; the pane is 320 px.
  select: { minWidth: 0, maxWidth: '100%' },
  selectInput: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/** A claim's id: readable (member, function, start) and unique enough to never meet another. */
export function claimId(memberId: string, fn: ReimbursedFunction, periodStart: string, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${memberId.slice(0, 40).replace(/-+$/, '')}-${fn.toLowerCase()}-${periodStart}-${suffix}`;
}

/**
 * Record a member's self-cost for RSIB or RKK over a period within one year (editor), or,
 * given `editing`, correct a recorded claim on the etag it was listed with.
 */
export function RecordForm({
  members,
  busy,
  blocked,
  run,
  editing,
  onDone,
}: FormProps & { members: readonly Member[]; editing?: ReimbursementView; onDone?: () => void }) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const { api, now } = useServices();
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const [memberId, setMemberId] = useState(editing?.memberId ?? '');
  const [fn, setFn] = useState<ReimbursedFunction>(editing?.function ?? 'RSIB');
  const [periodStart, setPeriodStart] = useState(editing?.periodStart ?? `${new Date(now()).getFullYear()}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(editing?.periodEnd ?? isoToday(now()));
  const [amount, setAmount] = useState(editing ? formatSek(editing.amountOre, { unit: false }) : '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const locked = blocked !== undefined;
  const member = sorted.some((candidate) => candidate.id === memberId) ? memberId : (sorted[0]?.id ?? '');
  const heading = editing ? t.reimbursements.correctHeading : t.reimbursements.record;
  const headingId = editing ? 'reimbursements-correct-heading' : 'reimbursements-record-heading';

  const submit = () =>
    run(async () => {
      const amountOre = kronorInput(amount);
      const id = editing?.id ?? claimId(member, fn, periodStart);
      const candidate = { id, memberId: member, function: fn, periodStart, periodEnd, amountOre, note };
      const parsed = parseWith(reimbursementSchema, candidate, '', language);
      const found = parsed.ok ? {} : messagesByField(parsed.errors);
      if (amountOre === undefined) found.amountOre = t.common.amountInvalid;
      setErrors(found);
      if (!parsed.ok || amountOre === undefined) return undefined;
      const result = editing ? await api.replaceReimbursement(parsed.value, editing.etag) : await api.createReimbursement(parsed.value);
      if (!result.ok) {
        setErrors(messagesByField(result.problem.errors));
        return problemNotice(result.problem, t);
      }
      if (editing) {
        onDone?.();
        return { intent: 'success', body: t.reimbursements.corrected };
      }
      setAmount('');
      setNote('');
      return { intent: 'success', body: t.reimbursements.recorded };
    });

  const state = (name: string) => ({ validationMessage: errors[name], validationState: errors[name] ? ('error' as const) : ('none' as const) });
  return (
    <section className={styles.form} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold">
        {heading}
      </Text>
      <Field label={t.reimbursements.member} {...state('memberId')}>
        <Select className={styles.select} select={{ className: styles.selectInput }} value={member} disabled={locked} onChange={(_, data) => setMemberId(data.value)}>
          {sorted.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.reimbursements.function} {...state('function')}>
        <RadioGroup layout="horizontal" value={fn} disabled={locked} onChange={(_, data) => setFn(data.value === 'RKK' ? 'RKK' : 'RSIB')}>
          <Radio value="RSIB" label="RSIB" />
          <Radio value="RKK" label="RKK" />
        </RadioGroup>
      </Field>
      <Field label={t.reimbursements.periodStart} {...state('periodStart')}>
        <Input type="date" value={periodStart} disabled={locked} onChange={(_, data) => setPeriodStart(data.value)} />
      </Field>
      <Field label={t.reimbursements.periodEnd} {...state('periodEnd')}>
        <Input type="date" value={periodEnd} disabled={locked} onChange={(_, data) => setPeriodEnd(data.value)} />
      </Field>
      <Field label={t.reimbursements.amount} {...state('amountOre')}>
        <Input inputMode="decimal" value={amount} disabled={locked} onChange={(_, data) => setAmount(data.value)} />
      </Field>
      <Field label={t.reimbursements.note} {...state('note')}>
        <Input value={note} disabled={locked} onChange={(_, data) => setNote(data.value)} />
      </Field>
      <GuardedButton appearance="primary" blocked={blocked} disabled={busy || member === ''} onClick={submit}>
        {editing ? t.reimbursements.saveCorrection : t.reimbursements.record}
      </GuardedButton>
      {editing ? (
        <div>
          <Button disabled={busy} onClick={onDone}>
            {t.common.cancel}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
