import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FeeRuleVersion } from '@ssr/shared';
import { feeRuleVersionSchema, memberIdSchema, parseWith, parseYear } from '@ssr/shared';
import { useState } from 'react';
import type { StoredFeeRule } from '../../api/client';
import type { Messages } from '../../i18n';
import { useLanguage, useMessages } from '../../i18n';
import type { Notice } from '../shell/notice';
import { problemNotice } from '../shell/notice';
import type { FormProps } from '../shell/form';
import { kronorInput, messagesByField } from '../shell/form';
import { GuardedButton } from '../shell/GuardedButton';
import { useServices } from '../shell/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Fields = Record<'id' | 'effectiveFrom' | 'perInhabitantOre' | 'singleFeeOre' | 'doubleFeeOre' | 'populationYearOffset', string>;

/** R7: one version per effective year; the first year from `from` on that none has. */
export function freeYear(rules: readonly StoredFeeRule[], from: number): number {
  const taken = new Set(rules.map((stored) => stored.rule.effectiveFrom));
  let year = from;
  while (taken.has(year)) year += 1;
  return year;
}

/** A name for a version of `year` that no version has: `avgifter-2026`, else `avgifter-2026-2`… (`prefix` in the pane's language). */
export function freeId(rules: readonly StoredFeeRule[], year: number, prefix: string): string {
  const taken = new Set(rules.map((stored) => stored.rule.id));
  const base = `${prefix}-${year}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

function initialFields(rules: readonly StoredFeeRule[], nextYear: number, t: Messages): Fields {
  const latest: FeeRuleVersion | undefined = rules.reduce<FeeRuleVersion | undefined>(
    (found, { rule }) => (found === undefined || rule.effectiveFrom > found.effectiveFrom ? rule : found),
    undefined,
  );
  const year = freeYear(rules, Math.max(nextYear, (latest?.effectiveFrom ?? 0) + 1));
  return {
    id: freeId(rules, year, t.feeRules.idPrefix),
    effectiveFrom: String(year),
    perInhabitantOre: latest ? t.feeRules.moneyInput(latest.perInhabitantOre) : '',
    singleFeeOre: latest ? t.feeRules.moneyInput(latest.singleFeeOre) : '',
    doubleFeeOre: latest ? t.feeRules.moneyInput(latest.doubleFeeOre) : '',
    populationYearOffset: String(latest?.populationYearOffset ?? 1),
  };
}

/** What is wrong with the name and year before anything is sent: taken by another version, or not a name. */
function knownConflicts(fields: Fields, rules: readonly StoredFeeRule[], t: Messages): Record<string, string> {
  const found: Record<string, string> = {};
  const id = fields.id.trim();
  if (!memberIdSchema.safeParse(id).success) found.id = t.feeRules.idInvalid;
  else if (rules.some((stored) => stored.rule.id === id)) found.id = t.feeRules.idTaken(id);
  const year = parseYear(fields.effectiveFrom);
  const holder = rules.find((stored) => stored.rule.effectiveFrom === year);
  if (year !== undefined && holder) found.effectiveFrom = t.feeRules.yearTaken(year, holder.rule.id, holder.status === 'draft');
  return found;
}

/** The 409s of a proposal (the name or the year taken meanwhile), said at the field in the pane's language. */
/** The offset as typed: a whole number, or undefined (an empty field is no 0). */
function offsetInput(text: string): number | undefined {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function conflictAtField(problem: { type: string; current?: unknown }, fields: Fields, t: Messages): Record<string, string> | undefined {
  const current = (typeof problem.current === 'object' && problem.current !== null ? problem.current : {}) as { id?: unknown; status?: unknown };
  const holder = typeof current.id === 'string' ? current.id : '';
  const year = parseYear(fields.effectiveFrom);
  if (problem.type.endsWith(':year-taken') && year !== undefined) return { effectiveFrom: t.feeRules.yearTaken(year, holder, current.status === 'draft') };
  if (problem.type.endsWith(':exists')) return { id: t.feeRules.idTaken(fields.id.trim()) };
  return undefined;
}

/** R7: propose a new version (admin); it takes effect once every party has approved it. */
export function ProposeForm({ rules, busy, blocked, run }: FormProps & { rules: readonly StoredFeeRule[] }) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const { api, now } = useServices();
  const [fields, setFields] = useState<Fields>(() => initialFields(rules, new Date(now()).getFullYear() + 1, t));
  // The name follows the year until the user writes one of their own.
  const [idEdited, setIdEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: keyof Fields) => (_: unknown, data: { value: string }) => {
    if (name === 'id') setIdEdited(true);
    // What was said about a field on sending is stale once it is edited.
    setErrors(({ [name]: _stale, ...rest }) => rest);
    setFields((current) => {
      const next = { ...current, [name]: data.value };
      const year = parseYear(next.effectiveFrom);
      return name === 'effectiveFrom' && !idEdited && year !== undefined ? { ...next, id: freeId(rules, year, t.feeRules.idPrefix) } : next;
    });
  };
  // A taken year or name is said as soon as it is typed, and again on sending.
  const conflicts = knownConflicts(fields, rules, t);
  const shown: Record<string, string> = { ...errors };
  if (conflicts.effectiveFrom) shown.effectiveFrom = conflicts.effectiveFrom;
  if (conflicts.id && conflicts.id !== t.feeRules.idInvalid) shown.id = conflicts.id;

  const submit = () =>
    run(async (): Promise<Notice | undefined> => {
      const amountErrors: Record<string, string> = {};
      const amount = (name: 'perInhabitantOre' | 'singleFeeOre' | 'doubleFeeOre') => {
        const ore = kronorInput(fields[name]);
        if (ore === undefined) amountErrors[name] = t.common.amountInvalid;
        return ore;
      };
      const candidate = {
        id: fields.id.trim(),
        effectiveFrom: parseYear(fields.effectiveFrom) ?? Number.NaN,
        perInhabitantOre: amount('perInhabitantOre'),
        singleFeeOre: amount('singleFeeOre'),
        doubleFeeOre: amount('doubleFeeOre'),
        populationYearOffset: offsetInput(fields.populationYearOffset),
        approvals: [],
      };
      const parsed = parseWith(feeRuleVersionSchema, candidate, '', language);
      const found = { ...(parsed.ok ? {} : messagesByField(parsed.errors)), ...amountErrors, ...knownConflicts(fields, rules, t) };
      if (parseYear(fields.effectiveFrom) === undefined) found.effectiveFrom = t.common.yearInvalid;
      if (offsetInput(fields.populationYearOffset) === undefined) found.populationYearOffset = t.feeRules.offsetInvalid;
      setErrors(found);
      if (!parsed.ok || Object.keys(found).length > 0) return undefined;
      const result = await api.proposeFeeRule(parsed.value);
      if (!result.ok) {
        const atField = result.problem.status === 409 ? conflictAtField(result.problem, fields, t) : undefined;
        setErrors(atField ?? messagesByField(result.problem.errors));
        return atField ? { intent: 'error', body: Object.values(atField).join(' ') } : problemNotice(result.problem, t);
      }
      return { intent: 'success', body: t.feeRules.proposed(parsed.value.id) };
    });

  const field = (name: keyof Fields, label: string, inputMode: 'text' | 'numeric' | 'decimal' = 'text', hint?: string) => (
    <Field label={label} hint={hint} validationMessage={shown[name]} validationState={shown[name] ? 'error' : 'none'}>
      <Input value={fields[name]} inputMode={inputMode} disabled={blocked !== undefined} onChange={set(name)} />
    </Field>
  );

  return (
    <section className={styles.form} aria-labelledby="fee-rules-propose-heading">
      <Text as="h3" id="fee-rules-propose-heading" weight="semibold">
        {t.feeRules.proposeHeading}
      </Text>
      {field('effectiveFrom', t.feeRules.effectiveFrom, 'numeric')}
      {field('id', t.feeRules.id, 'text', t.feeRules.idHint)}
      {field('perInhabitantOre', t.feeRules.perInhabitantKr, 'decimal')}
      {field('singleFeeOre', t.feeRules.singleFeeKr, 'decimal')}
      {field('doubleFeeOre', t.feeRules.doubleFeeKr, 'decimal')}
      {field('populationYearOffset', t.feeRules.offset, 'numeric')}
      <GuardedButton appearance="primary" blocked={blocked} disabled={busy} onClick={submit}>
        {t.feeRules.propose}
      </GuardedButton>
    </section>
  );
}
