import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FeeRuleVersion } from '@ssr/shared';
import { feeRuleVersionSchema, formatSek, parseWith, parseYear } from '@ssr/shared';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import type { FormProps } from '../shell/form';
import { kronorInput, messagesByField } from '../shell/form';
import { GuardedButton } from '../shell/GuardedButton';
import { useServices } from '../shell/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Fields = Record<'id' | 'effectiveFrom' | 'perInhabitantOre' | 'singleFeeOre' | 'doubleFeeOre' | 'populationYearOffset', string>;

function initialFields(latest: FeeRuleVersion | undefined, year: number): Fields {
  return {
    id: `avgifter-${year}`,
    effectiveFrom: String(year),
    perInhabitantOre: latest ? formatSek(latest.perInhabitantOre, { unit: false }) : '',
    singleFeeOre: latest ? formatSek(latest.singleFeeOre, { unit: false }) : '',
    doubleFeeOre: latest ? formatSek(latest.doubleFeeOre, { unit: false }) : '',
    populationYearOffset: String(latest?.populationYearOffset ?? 1),
  };
}

/** R7: propose a new version (admin); it takes effect once every party has approved it. */
export function ProposeForm({ latest, busy, blocked, run }: FormProps & { latest?: FeeRuleVersion }) {
  const t = useMessages();
  const styles = useStyles();
  const { api, now } = useServices();
  const [fields, setFields] = useState<Fields>(() => initialFields(latest, new Date(now()).getFullYear() + 1));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: keyof Fields) => (_: unknown, data: { value: string }) => setFields((current) => ({ ...current, [name]: data.value }));

  const submit = () =>
    run(async () => {
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
        populationYearOffset: Number(fields.populationYearOffset),
        approvals: [],
      };
      const parsed = parseWith(feeRuleVersionSchema, candidate);
      const found = { ...(parsed.ok ? {} : messagesByField(parsed.errors)), ...amountErrors };
      setErrors(found);
      if (!parsed.ok || Object.keys(amountErrors).length > 0) return undefined;
      const result = await api.proposeFeeRule(parsed.value);
      if (!result.ok) {
        setErrors(messagesByField(result.problem.errors));
        return problemNotice(result.problem, t);
      }
      return { intent: 'success', body: t.feeRules.proposed(parsed.value.id) };
    });

  const field = (name: keyof Fields, label: string, inputMode: 'text' | 'numeric' | 'decimal' = 'text') => (
    <Field label={label} validationMessage={errors[name]} validationState={errors[name] ? 'error' : 'none'}>
      <Input value={fields[name]} inputMode={inputMode} disabled={blocked !== undefined} onChange={set(name)} />
    </Field>
  );

  return (
    <section className={styles.form} aria-labelledby="fee-rules-propose-heading">
      <Text as="h3" id="fee-rules-propose-heading" weight="semibold">
        {t.feeRules.proposeHeading}
      </Text>
      {field('id', t.feeRules.id)}
      {field('effectiveFrom', t.feeRules.effectiveFrom, 'numeric')}
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
