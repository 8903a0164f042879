import { Button, Field, Input, Select, Text, makeStyles } from '@fluentui/react-components';
import type { FeeMode, FeeRuleVersion, ReimbursedFunction, Snapshot } from '@ssr/shared';
import { REIMBURSED_FUNCTIONS, feeRuleInForce, feeSchedule, isAdopted, membersInYear, parseYear, populationDate, populationYearFor, ruleForYear } from '@ssr/shared';
import { useState } from 'react';
import type { WorkbookPort } from '../../excel/port';
import type { SheetWriteResult } from '../../excel/write-sheet';
import { writeSheetPlan } from '../../excel/write-sheet';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import type { Notice } from '../shell/notice';
import { useShowView } from '../shell/navigation';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { YearField } from '../shell/YearField';
import { formatAsOf } from '../status/StatusTable';
import type { BudgetColumn, BudgetLabels, BudgetPlan } from './layout';
import { planBudgetSheet } from './layout';
import { ViewSection } from '../shell/ViewSection';

const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  selectInput: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export const DEFAULT_PLAN_YEARS = 3;
export const MAX_PLAN_YEARS = 10;

/** A proposal standing in for the years from `from` on. */
export interface BudgetProposal {
  id: string;
  from: number;
}

export interface BudgetSettings {
  year: number;
  planYears: number;
  proposal?: BudgetProposal;
}

/** Years as a person reads them: `2025–2028` for a run, `2025, 2027` otherwise. */
export function yearsText(years: readonly number[], t: Messages): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const year of sorted) {
    const last = runs[runs.length - 1];
    if (last && year === last[1] + 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs.map(([first, last]) => t.budget.years(first, last)).join(', ');
}

export function budgetYears(settings: BudgetSettings): number[] {
  return Array.from({ length: settings.planYears + 1 }, (_, i) => settings.year + i);
}

/** Per year: the proposal from its first year on, and exact mode where that year's figures are complete. */
export function budgetColumns(snapshot: Snapshot, settings: BudgetSettings): BudgetColumn[] {
  return budgetYears(settings).map((year) => {
    const rule = settings.proposal && year >= settings.proposal.from ? settings.proposal.id : undefined;
    const exact = feeSchedule(snapshot, year, 'exact', rule);
    const mode: FeeMode = exact.ok && exact.value.missing.length === 0 ? 'exact' : 'estimate';
    return rule === undefined ? { year, mode } : { year, mode, rule };
  });
}

/** R6 sums in kronor, per function and year. */
export function reimbursedByYear(snapshot: Snapshot): Record<ReimbursedFunction, Record<number, number>> {
  const sums = Object.fromEntries(REIMBURSED_FUNCTIONS.map((fn) => [fn, {}])) as Record<ReimbursedFunction, Record<number, number>>;
  for (const sum of snapshot.reimbursementSums) {
    const byYear = sums[sum.function];
    byYear[sum.year] = (byYear[sum.year] ?? 0) + sum.amountOre;
  }
  for (const fn of REIMBURSED_FUNCTIONS) for (const year of Object.keys(sums[fn])) sums[fn][Number(year)] = (sums[fn][Number(year)] ?? 0) / 100;
  return sums;
}

export function budgetLabels(settings: BudgetSettings, asOf: string, t: Messages): BudgetLabels {
  const years = budgetYears(settings);
  const span = yearsText(years, t);
  const words = t.budget.sheet;
  return {
    sheetName: t.budget.sheetName(settings.year),
    title: words.title(span),
    asOf: words.asOf,
    year: words.year,
    mode: words.mode,
    modeWords: words.modeWords,
    rule: words.rule,
    ruleStatus: words.ruleStatus,
    inForce: words.inForce,
    proposal: words.proposal,
    note: words.note,
    income: words.income,
    groups: words.groups,
    groupArguments: words.groupArguments,
    incomeTotal: words.incomeTotal,
    costs: words.costs,
    costCategories: words.costCategories,
    reimbursed: (fn) => words.reimbursed(fn, asOf),
    costTotal: words.costTotal,
    summary: words.summary,
    summaryIncome: words.summaryIncome,
    summaryCosts: words.summaryCosts,
    result: settings.proposal ? words.resultWith(settings.proposal.id) : words.result,
    accumulated: words.accumulated,
    resultInForce: words.resultInForce,
    accumulatedInForce: words.accumulatedInForce,
    chartTitle: words.chartTitle(span),
  };
}

/** R3: the 31 December a column's population is read on, by the rule it is computed under (the proposal's for its years; offset 1 until a rule is in force). */
function neededPopulationDate(snapshot: Snapshot, column: BudgetColumn): string {
  const rule = column.rule === undefined ? feeRuleInForce(column.year, snapshot.feeRules) : snapshot.feeRules.find((version) => version.id === column.rule);
  return populationDate(populationYearFor(column.year, rule?.populationYearOffset ?? 1));
}

/** Members with no usable figure in some year of the plan, even as an estimate: their names and the first such date. */
interface MissingFigures {
  names: string[];
  date: string;
}

export type BudgetCheck =
  | { ok: true; plan: BudgetPlan; columns: BudgetColumn[] }
  | { ok: false; notice: Notice }
  | { ok: false; missing: MissingFigures };

/** What would be built, or why not: no members, no rule for some year, members without any figure. */
export function checkBudget(snapshot: Snapshot, fetchedAt: number, settings: BudgetSettings, t: Messages): BudgetCheck {
  if (membersInYear(snapshot.members, settings.year).length === 0) return { ok: false, notice: { intent: 'warning', body: t.budget.noMembers(settings.year) } };
  // A proposal withdrawn since it was chosen: said as such, not as a year without a rule.
  if (settings.proposal && !snapshot.feeRules.some((rule) => rule.id === settings.proposal?.id)) {
    return { ok: false, notice: { intent: 'warning', body: t.budget.proposalGone(settings.proposal.id) } };
  }
  const columns = budgetColumns(snapshot, settings);
  const noRule = columns.filter((column) => !ruleForYear(column.year, snapshot.feeRules, column.rule).ok).map((column) => column.year);
  if (noRule.length > 0) return { ok: false, notice: { intent: 'warning', body: t.budget.noRule(yearsText(noRule, t)) } };
  const names = new Set<string>();
  let firstGap: BudgetColumn | undefined;
  for (const column of columns) {
    const schedule = feeSchedule(snapshot, column.year, 'estimate', column.rule);
    if (!schedule.ok || schedule.value.missing.length === 0) continue;
    firstGap ??= column;
    for (const gap of schedule.value.missing) names.add(gap.name);
  }
  if (firstGap !== undefined) {
    return { ok: false, missing: { names: [...names].sort((a, b) => a.localeCompare(b, 'sv')), date: t.budget.populationDate(neededPopulationDate(snapshot, firstGap)) } };
  }
  const plan = planBudgetSheet({ columns, labels: budgetLabels(settings, formatAsOf(fetchedAt, t), t), reimbursed: reimbursedByYear(snapshot) });
  return { ok: true, plan, columns };
}

/** What the pane says once the sheet is written: created, updated keeping N typed cells, or the old one kept. */
export function outcomeNotice(result: SheetWriteResult, plan: BudgetPlan, columns: readonly BudgetColumn[], t: Messages): Notice {
  const years = yearsText(
    columns.map((column) => column.year),
    t,
  );
  const estimated = columns.filter((column) => column.mode === 'estimate').map((column) => column.year);
  const modes = estimated.length > 0 ? ` ${t.budget.estimateYears(yearsText(estimated, t), estimated.length)}` : '';
  switch (result.outcome) {
    case 'created':
      return { intent: 'success', body: `${t.budget.created(plan.sheet, years)}${modes}` };
    case 'updated':
      return { intent: 'success', body: `${t.budget.updated(plan.sheet, years, result.kept)}${modes}` };
    case 'replaced':
      return { intent: 'warning', body: `${t.budget.replaced(plan.sheet, result.keptAs)}${modes}` };
  }
}

export async function writeBudgetSheet(workbook: WorkbookPort, plan: BudgetPlan, t: Messages): Promise<SheetWriteResult> {
  return writeSheetPlan(workbook, plan, { keptName: t.budget.keptName });
}

function parsePlanYears(text: string): number | undefined {
  if (!/^\s*\d{1,2}\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_PLAN_YEARS ? n : undefined;
}

/** Budget: a sheet over the budget year and the plan years after it, with live SSR formulas. */
export function BudgetView() {
  const t = useMessages();
  const styles = useStyles();
  const { workbook, snapshots, now } = useServices();
  const session = useSession();
  const showView = useShowView();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  const [planYearsText, setPlanYearsText] = useState(String(DEFAULT_PLAN_YEARS));
  const [proposalId, setProposalId] = useState('');
  const [fromText, setFromText] = useState('');
  const [missing, setMissing] = useState<MissingFigures | undefined>();
  const year = parseYear(yearText);
  const planYears = parsePlanYears(planYearsText);
  const lastYear = year === undefined || planYears === undefined ? undefined : year + planYears;

  const drafts: FeeRuleVersion[] = (session.snapshot?.snapshot.feeRules ?? []).filter((rule) => !isAdopted(rule));
  const draft = drafts.find((rule) => rule.id === proposalId);
  // The years a proposal can stand in for: from its effective year, within the plan.
  const fromYears = draft && year !== undefined && lastYear !== undefined ? budgetYears({ year, planYears: lastYear - year }).filter((each) => each >= draft.effectiveFrom) : [];
  const from = fromYears.includes(Number(fromText)) ? Number(fromText) : fromYears[0];

  const settings: BudgetSettings | undefined =
    year === undefined || planYears === undefined ? undefined : { year, planYears, ...(draft && from !== undefined ? { proposal: { id: draft.id, from } } : {}) };

  const create = () =>
    task.run(t.budget.creating, async (progress): Promise<Notice | undefined> => {
      setMissing(undefined);
      if (settings === undefined) return undefined;
      // The register as it is now (a conditional request): a member added since shows in the rebuilt sheet.
      const read = await snapshots.refresh();
      const check = checkBudget(read.snapshot, read.fetchedAt, settings, t);
      if (!check.ok) {
        if ('missing' in check) {
          setMissing(check.missing);
          return undefined;
        }
        return check.notice;
      }
      progress(t.budget.creating);
      const result = await writeBudgetSheet(workbook, check.plan, t);
      return outcomeNotice(result, check.plan, check.columns, t);
    });

  const clear = () => setMissing(undefined);

  return (
    <ViewSection id="budget" heading={t.budget.heading} intro={t.budget.intro}>
      <YearField
        label={t.budget.budgetYear}
        value={yearText}
        onChange={(text) => {
          setYearText(text);
          clear();
        }}
      />
      <Field
        label={t.budget.planYears}
        hint={t.budget.planYearsHint}
        validationMessage={planYears === undefined ? t.budget.badPlanYears : undefined}
        validationState={planYears === undefined ? 'error' : 'none'}
      >
        <Input
          inputMode="numeric"
          value={planYearsText}
          onChange={(_, data) => {
            setPlanYearsText(data.value);
            clear();
          }}
        />
      </Field>
      {drafts.length > 0 ? (
        <Field label={t.budget.proposal}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInput }}
            value={proposalId}
            onChange={(_, data) => {
              setProposalId(data.value);
              clear();
            }}
          >
            <option value="">{t.budget.noProposal}</option>
            {drafts.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.id}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {draft && fromYears.length > 0 ? (
        <Field label={t.budget.proposalFrom}>
          <Select className={styles.select} select={{ className: styles.selectInput }} value={String(from ?? '')} onChange={(_, data) => setFromText(data.value)}>
            {fromYears.map((each) => (
              <option key={each} value={String(each)}>
                {each}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {draft && fromYears.length === 0 && lastYear !== undefined ? <Text>{t.budget.proposalOutside(draft.id, draft.effectiveFrom)}</Text> : null}
      <Text size={200}>{t.budget.modesNote}</Text>
      <div>
        <Button appearance="primary" disabled={settings === undefined || task.busy !== undefined} onClick={() => void create()}>
          {t.budget.create}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {missing ? (
        <NoticeBar
          notice={{ intent: 'warning', title: t.budget.noFigureTitle, body: t.budget.noFigure(missing.names.length, missing.names.join(', '), missing.date) }}
          onDismiss={clear}
          actions={showView ? <Button onClick={() => showView('populations')}>{t.budget.importFigures}</Button> : null}
        />
      ) : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </ViewSection>
  );
}
