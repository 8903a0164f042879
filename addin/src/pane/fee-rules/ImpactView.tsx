import { Badge, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FeeImpact, FeeRuleVersion, ImpactLine, ImpactModeChoice, Ore, Register } from '@ssr/shared';
import { IMPACT_GROUPS, feeImpact, impactMode, parseYear } from '@ssr/shared';
import { useId, useMemo, useState } from 'react';
import { useMessages } from '../../i18n';
import { useServices } from '../shell/services';
import { ImpactSheetButton } from './ImpactSheetButton';

const useStyles = makeStyles({
  impact: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  total: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupHeading: { margin: 0 },
  members: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  member: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  // Label and amount on one line, amounts aligned at the right: three lines a member, also at 320 px.
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'baseline',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  proposal: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Figures {
  inForceOre?: Ore;
  proposalOre?: Ore;
  differenceOre?: Ore;
  differencePercent?: number;
}

/** A member's or a group's fee in force, under the proposal, and the difference; without a version in force, the proposal alone. */
function FigureList({ figures, withInForce }: { figures: Figures; withInForce: boolean }) {
  const t = useMessages();
  const words = t.feeRules.impact;
  const styles = useStyles();
  const money = (ore: Ore | undefined) => (ore === undefined ? words.noFee : words.money(ore));
  const difference =
    figures.differenceOre === undefined
      ? words.noFee
      : figures.differencePercent === undefined
        ? words.signedMoney(figures.differenceOre)
        : `${words.signedMoney(figures.differenceOre)} (${words.signedPercent(figures.differencePercent)})`;
  return (
    <dl className={styles.figures}>
      {withInForce ? (
        <>
          <dt className={styles.term}>{words.inForce}</dt>
          <dd className={styles.value}>{money(figures.inForceOre)}</dd>
        </>
      ) : null}
      <dt className={styles.term}>{words.proposal}</dt>
      <dd className={styles.proposal}>{money(figures.proposalOre)}</dd>
      {withInForce ? (
        <>
          <dt className={styles.term}>{words.difference}</dt>
          <dd className={styles.value}>{difference}</dd>
        </>
      ) : null}
    </dl>
  );
}

function MemberItem({ line, withInForce }: { line: ImpactLine; withInForce: boolean }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <li className={styles.member}>
      <Text weight="semibold">{line.name}</Text>
      <FigureList figures={line} withInForce={withInForce} />
      {line.proposal?.basis.kind === 'population' ? <Text className={styles.note}>{t.feeRules.impact.basis(line.proposal.basis)}</Text> : null}
    </li>
  );
}

/** The impact's groups: a heading, the group's total, then each member in it. */
function Groups({ impact }: { impact: FeeImpact }) {
  const t = useMessages();
  const words = t.feeRules.impact;
  const styles = useStyles();
  const baseId = useId();
  const withInForce = impact.inForce !== undefined;
  return (
    <>
      {IMPACT_GROUPS.map((group) => {
        const lines = impact.lines.filter((line) => line.group === group).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
        if (lines.length === 0) return null;
        const headingId = `${baseId}-${group.replace(/\s/g, '-')}`;
        return (
          <section key={group} className={styles.group} aria-labelledby={headingId}>
            <Text as="h5" id={headingId} weight="semibold" size={400} className={styles.groupHeading}>
              {words.groups[group]} <Text weight="regular">({words.members(lines.length)})</Text>
            </Text>
            <div className={styles.total} role="group" aria-label={`${words.groupTotal} ${words.groups[group]}`}>
              <Text weight="semibold">{words.groupTotal}</Text>
              <FigureList figures={impact.totals[group]} withInForce={withInForce} />
            </div>
            <ul className={styles.members} aria-label={words.groups[group]}>
              {lines.map((line) => (
                <MemberItem key={line.memberId} line={line} withInForce={withInForce} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

type Shown = { ok: true; choice: ImpactModeChoice; impact: FeeImpact } | { ok: false };

/**
 * A draft's impact (R7): what each member would pay under it for a year, against the version in
 * force, grouped by cluster (R10) and the other actors, with the group and overall totals. The
 * year's figures decide the mode: exact when every municipality's is there, an estimate otherwise.
 */
export function ImpactView({ rule, register }: { rule: FeeRuleVersion; register: Register | undefined }) {
  const t = useMessages();
  const words = t.feeRules.impact;
  const styles = useStyles();
  const { now } = useServices();
  const headingId = useId();
  // The proposal is for the year it takes effect, or this year if that has passed.
  const [yearText, setYearText] = useState(() => String(Math.max(rule.effectiveFrom, new Date(now()).getFullYear())));
  const typed = parseYear(yearText);
  const year = typed !== undefined && typed >= rule.effectiveFrom ? typed : undefined;
  const yearError = typed === undefined ? t.common.yearInvalid : typed < rule.effectiveFrom ? words.yearBefore(rule.effectiveFrom) : undefined;

  const shown = useMemo((): Shown | undefined => {
    if (!register || year === undefined) return undefined;
    const choice = impactMode(register, year, rule.id);
    if (!choice.ok) return { ok: false };
    const impact = feeImpact(register, year, choice.value.mode, rule.id);
    if (!impact.ok) return { ok: false };
    return { ok: true, choice: choice.value, impact: impact.value };
  }, [register, year, rule.id]);

  return (
    <section className={styles.impact} aria-labelledby={headingId}>
      <div className={styles.title}>
        <Text as="h4" id={headingId} weight="semibold" size={400}>
          {year === undefined ? words.open : words.heading(year)}
        </Text>
        <Badge appearance="filled" color="warning">
          {words.proposalBadge}
        </Badge>
      </div>
      <Text>{words.intro(rule.id)}</Text>
      <Field label={words.year} validationMessage={yearError} validationState={yearError === undefined ? 'none' : 'error'}>
        <Input inputMode="numeric" value={yearText} onChange={(_, data) => setYearText(data.value)} />
      </Field>
      {register === undefined ? <Text>{words.noRegister}</Text> : null}
      {shown && !shown.ok ? <Text>{words.failed}</Text> : null}
      {shown?.ok && year !== undefined ? (
        <>
          <Text>{shown.choice.mode === 'exact' ? words.exact(shown.choice.asked) : words.estimate(shown.choice.dates)}</Text>
          {shown.impact.inForce ? null : <Text>{words.noRuleInForce(year)}</Text>}
          {shown.impact.missing.length > 0 ? (
            <Text>
              {words.noFigure(
                shown.impact.missing.length,
                shown.impact.missing
                  .map((gap) => gap.name)
                  .sort((a, b) => a.localeCompare(b, 'sv'))
                  .join(', '),
              )}
            </Text>
          ) : null}
          <div>
            <ImpactSheetButton ruleId={rule.id} year={year} mode={shown.choice.mode} />
          </div>
          <div className={styles.total} role="group" aria-label={words.total}>
            <Text weight="semibold">{words.total}</Text>
            <FigureList figures={shown.impact.totals.all} withInForce={shown.impact.inForce !== undefined} />
          </div>
          <Groups impact={shown.impact} />
        </>
      ) : null}
    </section>
  );
}
