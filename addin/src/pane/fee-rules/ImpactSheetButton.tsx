import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FeeError, FeeMode, Register } from '@ssr/shared';
import { feeSchedule, membersInYear } from '@ssr/shared';
import { PROPOSAL_FORMAT } from '../../custom-functions/cell-value';
import type { WorkbookPort } from '../../excel/port';
import type { SheetWriteResult } from '../../excel/write-sheet';
import { writeSheetPlan } from '../../excel/write-sheet';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import type { Notice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useTask } from '../shell/useTask';
import type { ImpactLabels } from './impact-sheet';
import { IMPACT_RULE_CELL, impactSheetName, planImpactSheet } from './impact-sheet';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  button: { alignSelf: 'flex-start', maxWidth: '100%' },
});

export function impactLabels(ruleId: string, year: number, t: Messages): ImpactLabels {
  const s = t.impactSheet;
  return {
    sheetPrefix: s.sheetPrefix,
    title: s.title(ruleId, year),
    yearLabel: s.yearLabel,
    modeLabel: s.modeLabel,
    ruleLabel: s.ruleLabel,
    modeWords: s.modeWords,
    columns: s.columns,
    summaryHeading: s.summaryHeading,
    subtotal: s.subtotal,
    total: s.total,
    check: s.check,
    chartTitle: s.chartTitle(ruleId, year),
    seriesNames: [s.inForce, s.proposal(ruleId)],
    others: s.others,
    // The word SSR.TOTAL reads as every group, as the budget sheet writes it in the same language.
    allGroups: t.budget.sheet.groupArguments.all,
    keptName: s.keptName,
    proposalFormat: PROPOSAL_FORMAT[t.language],
  };
}

/** Why the sheet's formulas could not compute, said before it is built rather than as a sheet of errors. */
function scheduleProblem(error: FeeError, year: number, t: Messages): string {
  switch (error.code) {
    case 'unknown-rule':
      return t.impactSheet.unknownRule(error.ruleId);
    case 'rule-not-effective':
      return t.impactSheet.notEffective(error.ruleId, error.effectiveFrom, year);
    default:
      // A schedule fails otherwise only for want of a rule in force.
      return t.impactSheet.noRuleInForce(year);
  }
}

/** Attempts at a free name before giving up: far more than two proposals ever cut to one name. */
const NAME_ATTEMPTS = 20;

/**
 * The sheet for this proposal: the first of its names that is free or already holds this
 * proposal (its proposal cell names it). A sheet of that name about another proposal, perhaps
 * already sent to the parties, is left as it is and the next name tried.
 */
async function sheetFor(workbook: WorkbookPort, labels: ImpactLabels, ruleId: string, year: number): Promise<string | undefined> {
  const taken = new Map((await workbook.sheetNames()).map((name) => [name.toLowerCase(), name]));
  for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt += 1) {
    const name = impactSheetName(labels.sheetPrefix, ruleId, year, attempt);
    const existing = taken.get(name.toLowerCase());
    if (existing === undefined) return name;
    const held = (await workbook.readRange(existing, IMPACT_RULE_CELL)).values[0]?.[0];
    if (held === ruleId) return existing;
  }
  return undefined;
}

/**
 * Check that both columns can be computed, then build the impact sheet: the proposal against the
 * rule in force, per member and group, as live formulas. Gives what the pane says afterwards.
 */
export async function buildImpactSheet(
  services: { workbook: WorkbookPort; register: Register },
  input: { ruleId: string; year: number; mode: FeeMode },
  t: Messages,
): Promise<{ notice: Notice; result?: SheetWriteResult }> {
  const { ruleId, year, mode } = input;
  const warning = (body: string, title?: string): { notice: Notice } => ({ notice: { intent: 'warning', body, ...(title ? { title } : {}) } });
  const members = membersInYear(services.register.members, year);
  if (members.length === 0) return warning(t.impactSheet.noMembers(year));
  const proposal = feeSchedule(services.register, year, mode, ruleId);
  if (!proposal.ok) return warning(scheduleProblem(proposal.error, year, t));
  const inForce = feeSchedule(services.register, year, mode);
  if (!inForce.ok) return warning(scheduleProblem(inForce.error, year, t));
  // A member without a usable figure would leave #N/A in its row and in every total.
  const missing = [...new Set([...inForce.value.missing, ...proposal.value.missing].map((gap) => gap.name))].sort((a, b) => a.localeCompare(b, 'sv'));
  if (missing.length > 0) return warning(t.impactSheet.missing(missing.length, missing.join(', '), year, mode), t.impactSheet.missingTitle);

  const labels = impactLabels(ruleId, year, t);
  const sheet = await sheetFor(services.workbook, labels, ruleId, year);
  if (sheet === undefined) return warning(t.impactSheet.noFreeName(impactSheetName(labels.sheetPrefix, ruleId, year)));
  const plan = planImpactSheet({ ruleId, year, mode, members, labels, sheet });
  const result = await writeSheetPlan(services.workbook, plan, { keptName: labels.keptName });
  const body =
    result.outcome === 'created'
      ? t.impactSheet.created(plan.sheet, members.length)
      : result.outcome === 'updated'
        ? t.impactSheet.updated(plan.sheet, result.kept)
        : t.impactSheet.replaced(plan.sheet, result.keptAs);
  return { notice: { intent: result.outcome === 'replaced' ? 'warning' : 'success', body }, result };
}

/** "Create impact sheet" for a draft: the document the coordination office sends the parties with the request for approval. */
export function ImpactSheetButton({ ruleId, year, mode }: { ruleId: string; year: number; mode: FeeMode }) {
  const t = useMessages();
  const styles = useStyles();
  const { workbook, snapshots } = useServices();
  const task = useTask();

  const build = () =>
    task.run(t.impactSheet.creating, async () => {
      // The register as it is now: a proposal made a moment ago is in it (the cached one may be a minute old).
      const { snapshot } = await snapshots.refresh();
      return (await buildImpactSheet({ workbook, register: snapshot }, { ruleId, year, mode }, t)).notice;
    });

  return (
    <div className={styles.root}>
      <Button className={styles.button} disabled={task.busy !== undefined} onClick={() => void build()}>
        {t.impactSheet.create}
      </Button>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </div>
  );
}
