import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, Register } from '@ssr/shared';
import { feeRuleApprovalState } from '@ssr/shared';
import { useId, useState } from 'react';
import type { StoredFeeRule } from '../../api/client';
import { useMessages } from '../../i18n';
import { ConfirmButton } from '../shell/ConfirmButton';
import { ImpactView } from './ImpactView';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  decision: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Lists this long start folded, so a draft's 36 pending parties do not push everything else off the pane. */
const OPEN_UP_TO = 6;

/**
 * R7: one version, as finance staff follow it: its amounts, who approved it (when, by which
 * decision) and who is pending; a draft also shows, on request, what it would cost each party.
 */
export function VersionCard({
  stored,
  members,
  register,
  withdrawDisabled,
  onWithdraw,
}: {
  stored: StoredFeeRule;
  members: readonly Member[];
  /** What the impact of a draft is computed from; undefined until the register has been read. */
  register: Register | undefined;
  withdrawDisabled: boolean;
  onWithdraw: () => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const impactId = useId();
  const [impactOpen, setImpactOpen] = useState(false);
  const { rule, status } = stored;
  const state = stored.approvalState ?? feeRuleApprovalState(rule, members);
  const nameOf = (id: string) => members.find((member) => member.id === id)?.name ?? id;
  const byName = (a: string, b: string) => a.localeCompare(b, 'sv');
  const approvals = rule.approvals.map((approval) => ({ ...approval, name: nameOf(approval.memberId) })).sort((a, b) => byName(a.name, b.name));
  const pending = state.pending.map(nameOf).sort(byName);
  const headingId = `fee-rule-${rule.id}`;
  const fact = (term: string, value: string) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <div className={styles.title}>
        <Text as="h3" id={headingId} weight="semibold">
          {rule.id}
        </Text>
        <Badge appearance="tint" color={status === 'adopted' ? 'success' : 'warning'}>
          {status === 'draft' ? t.feeRules.draft : rule.adoptedOn ? t.feeRules.adoptedOn(rule.adoptedOn) : t.feeRules.adopted}
        </Badge>
      </div>
      <dl className={styles.facts}>
        {fact(t.feeRules.effectiveFrom, String(rule.effectiveFrom))}
        {fact(t.feeRules.perInhabitant, t.feeRules.money(rule.perInhabitantOre))}
        {fact(t.feeRules.singleFee, t.feeRules.money(rule.singleFeeOre))}
        {fact(t.feeRules.doubleFee, t.feeRules.money(rule.doubleFeeOre))}
        {fact(t.feeRules.populationBasis, t.feeRules.populationBasisOf(rule.populationYearOffset))}
      </dl>
      <Text>{t.feeRules.approvalCount(state.approved, state.required)}</Text>
      {approvals.length === 0 ? (
        <Text>{t.feeRules.noneApproved}</Text>
      ) : (
        <details open={approvals.length <= OPEN_UP_TO}>
          <summary className={styles.summary}>{t.feeRules.approvedBy(approvals.length)}</summary>
          <ul className={styles.list} aria-label={t.feeRules.approvedBy(approvals.length)}>
            {approvals.map((approval) => (
              <li key={approval.memberId}>
                <Text weight="semibold">{approval.name}</Text>{' '}
                <Text className={styles.decision}>
                  {t.feeRules.date(approval.approvedOn)}, {approval.reference}
                </Text>
              </li>
            ))}
          </ul>
        </details>
      )}
      {pending.length > 0 ? (
        <details open={pending.length <= OPEN_UP_TO}>
          <summary className={styles.summary}>{t.feeRules.pendingFor(pending.length)}</summary>
          <ul className={styles.list} aria-label={t.feeRules.pendingFor(pending.length)}>
            {pending.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {status === 'draft' ? (
        <div className={styles.actions}>
          <Button aria-expanded={impactOpen} aria-controls={impactOpen ? impactId : undefined} onClick={() => setImpactOpen((open) => !open)}>
            {t.feeRules.impact.open}
          </Button>
          <ConfirmButton
            text={t.feeRules.withdraw}
            label={t.feeRules.withdrawLabel(rule.id)}
            question={t.feeRules.withdrawQuestion}
            confirm={t.feeRules.withdrawConfirm}
            cancel={t.common.cancel}
            disabled={withdrawDisabled}
            onConfirm={onWithdraw}
          />
        </div>
      ) : null}
      {status === 'draft' && impactOpen ? (
        <div id={impactId}>
          <ImpactView rule={rule} register={register} />
        </div>
      ) : null}
    </article>
  );
}
