import { Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Member } from '@ssr/shared';
import { approvalSchema, membersInYear, parseWith } from '@ssr/shared';
import { useState } from 'react';
import type { StoredFeeRule } from '../../api/client';
import { useLanguage, useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import type { FormProps } from '../shell/form';
import { isoToday, messagesByField } from '../shell/form';
import { GuardedButton } from '../shell/GuardedButton';
import { useServices } from '../shell/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A native select is as wide as its longest option ("Försvarsmakten, Mellersta militärregionen"): held to the pane.
  select: { minWidth: 0, width: '100%' },
});

/** R7: record one party's approval of a version, with the date and reference of its decision (admin). */
export function ApproveForm({ rules, members, busy, blocked, run }: FormProps & { rules: readonly StoredFeeRule[]; members: readonly Member[] }) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const { api, now } = useServices();
  const drafts = rules.filter((rule) => rule.status === 'draft');
  const [ruleId, setRuleId] = useState(drafts[0]?.rule.id ?? rules[0]?.rule.id ?? '');
  const rule = rules.find((candidate) => candidate.rule.id === ruleId);
  const approvedBy = new Set(rule?.rule.approvals.map((approval) => approval.memberId) ?? []);
  // Only the members in the version's first year approve it (R7): the API refuses others.
  const firstYear = rule ? membersInYear(members, rule.rule.effectiveFrom) : [];
  const parties = firstYear.filter((member) => !approvedBy.has(member.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const [memberId, setMemberId] = useState('');
  const [approvedOn, setApprovedOn] = useState(isoToday(now()));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const locked = blocked !== undefined;
  const party = parties.some((member) => member.id === memberId) ? memberId : (parties[0]?.id ?? '');

  const submit = () =>
    run(async () => {
      if (!rule) return undefined;
      const parsed = parseWith(approvalSchema, { memberId: party, approvedOn, reference }, '', language);
      setErrors(parsed.ok ? {} : messagesByField(parsed.errors));
      if (!parsed.ok) return undefined;
      const result = await api.approveFeeRule(rule.rule.id, parsed.value, rule.etag);
      if (!result.ok) {
        setErrors(messagesByField(result.problem.errors));
        return problemNotice(result.problem, t);
      }
      setReference('');
      const name = members.find((member) => member.id === party)?.name ?? party;
      return { intent: 'success', body: t.feeRules.approved(name, rule.rule.id) };
    });

  return (
    <section className={styles.form} aria-labelledby="fee-rules-approve-heading">
      <Text as="h3" id="fee-rules-approve-heading" weight="semibold">
        {t.feeRules.approveHeading}
      </Text>
      <Field label={t.feeRules.version}>
        <Select className={styles.select} value={ruleId} disabled={locked} onChange={(_, data) => setRuleId(data.value)}>
          {rules.map((candidate) => (
            <option key={candidate.rule.id} value={candidate.rule.id}>
              {t.feeRules.versionOption(candidate.rule.id, candidate.status === 'draft')}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t.feeRules.party}
        hint={rule && parties.length === 0 ? t.feeRules.noParty : undefined}
        validationMessage={errors.memberId}
        validationState={errors.memberId ? 'error' : 'none'}
      >
        <Select className={styles.select} value={party} disabled={locked} onChange={(_, data) => setMemberId(data.value)}>
          {parties.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.feeRules.approvedOn} validationMessage={errors.approvedOn} validationState={errors.approvedOn ? 'error' : 'none'}>
        <Input type="date" value={approvedOn} disabled={locked} onChange={(_, data) => setApprovedOn(data.value)} />
      </Field>
      <Field label={t.feeRules.reference} validationMessage={errors.reference} validationState={errors.reference ? 'error' : 'none'}>
        <Input value={reference} disabled={locked} onChange={(_, data) => setReference(data.value)} />
      </Field>
      <GuardedButton appearance="primary" blocked={blocked} disabled={busy || !rule || party === ''} onClick={submit}>
        {t.feeRules.approve}
      </GuardedButton>
    </section>
  );
}
