import { Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { FeeMode, Snapshot } from '@ssr/shared';
import { feeRuleInForce, feeSchedule, membersInYear, parseYear, populationDate, populationYearFor } from '@ssr/shared';
import { useState } from 'react';
import type { WorkbookPort } from '../../excel/port';
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
import type { BudgetLabels, BudgetPlan } from './layout';
import { planBudgetSheet } from './layout';
import { ViewSection } from '../shell/ViewSection';

export function budgetLabels(year: number, t: Messages): BudgetLabels {
  return {
    sheetName: t.budget.sheetName(year),
    title: t.budget.title(year),
    yearLabel: t.budget.yearLabel,
    modeLabel: t.budget.modeLabel,
    modeWords: t.budget.modeWords,
    columns: t.budget.columns,
    summaryColumns: t.budget.summaryColumns,
    total: t.budget.total,
    check: t.budget.check,
    chartTitle: t.budget.chartTitle(year),
    others: t.budget.others,
  };
}

export async function writeBudgetSheet(workbook: WorkbookPort, plan: BudgetPlan): Promise<void> {
  await workbook.resetSheet(plan.sheet);
  await workbook.formatColumns(plan.sheet, plan.columns);
  await workbook.writeRange(plan.sheet, 'A1', plan.cells);
  for (const { address, format } of plan.formats) await workbook.formatRange(plan.sheet, address, format);
  await workbook.addChart(plan.chart);
  await workbook.activateSheet(plan.sheet);
}

/** R3: the 31 December a fee year's population is read on, by the rule in force (offset 1 until one is). */
function neededPopulationDate(snapshot: Snapshot | undefined, year: number): string {
  const offset = (snapshot && feeRuleInForce(year, snapshot.feeRules)?.populationYearOffset) ?? 1;
  return populationDate(populationYearFor(year, offset));
}

/**
 * Members whose figure a sheet would miss, said before it is built: their names and the date.
 * In exact mode that is the date's figure; in estimate mode, any figure on or before it.
 */
interface MissingFigures {
  names: string[];
  date: string;
  mode: FeeMode;
}

/** Budget: a sheet of live SSR formulas for a year, exact or estimated. */
export function BudgetView() {
  const t = useMessages();
  const { workbook, snapshots, now } = useServices();
  const session = useSession();
  const showView = useShowView();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  // Budgets are made ahead of SCB's figures, so estimate comes first (domain.md, fee year 2026).
  const [mode, setMode] = useState<FeeMode>('estimate');
  const [missing, setMissing] = useState<MissingFigures | undefined>();
  const year = parseYear(yearText);
  const date = year === undefined ? undefined : t.budget.populationDate(neededPopulationDate(session.snapshot?.snapshot, year));

  const create = (asMode: FeeMode) =>
    task.run(t.budget.creating, async (): Promise<Notice | undefined> => {
      setMissing(undefined);
      if (year === undefined) return undefined;
      const { snapshot } = await snapshots.get();
      const members = membersInYear(snapshot.members, year);
      if (members.length === 0) return { intent: 'warning', body: t.budget.noMembers(year) };
      // The sheet's formulas would all be errors: say so instead of building it.
      const schedule = feeSchedule(snapshot, year, asMode);
      if (!schedule.ok) return { intent: 'warning', body: t.budget.noRule(year) };
      // Either mode: a member with no usable figure would leave #N/A in its row and the totals.
      if (schedule.value.missing.length > 0) {
        const names = schedule.value.missing.map((gap) => gap.name).sort((a, b) => a.localeCompare(b, 'sv'));
        setMissing({ names, date: t.budget.populationDate(neededPopulationDate(snapshot, year)), mode: asMode });
        return undefined;
      }
      const plan = planBudgetSheet({ year, mode: asMode, members, labels: budgetLabels(year, t) });
      await writeBudgetSheet(workbook, plan);
      return { intent: 'success', body: t.budget.created(plan.sheet, plan.memberCount) };
    });

  const buildAsEstimate = () => {
    setMode('estimate');
    void create('estimate');
  };

  return (
    <ViewSection id="budget" heading={t.budget.heading} intro={t.budget.intro}>
      <YearField
        label={t.common.year}
        value={yearText}
        onChange={(text) => {
          setYearText(text);
          setMissing(undefined);
        }}
      />
      <Field label={t.budget.mode}>
        <RadioGroup
          value={mode}
          onChange={(_, data) => {
            setMode(data.value === 'estimate' ? 'estimate' : 'exact');
            setMissing(undefined);
          }}
        >
          <Radio value="exact" label={date === undefined ? t.budget.exactAnyYear : t.budget.exact(date)} />
          <Radio value="estimate" label={date === undefined ? t.budget.estimateAnyYear : t.budget.estimate(date)} />
        </RadioGroup>
      </Field>
      <div>
        <Button appearance="primary" disabled={year === undefined || task.busy !== undefined} onClick={() => void create(mode)}>
          {t.budget.create}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {missing ? (
        <NoticeBar
          notice={
            missing.mode === 'exact'
              ? { intent: 'warning', title: t.budget.missingTitle(missing.date), body: t.budget.missing(missing.names.length, missing.names.join(', '), missing.date) }
              : { intent: 'warning', title: t.budget.noFigureTitle, body: t.budget.noFigure(missing.names.length, missing.names.join(', '), missing.date) }
          }
          onDismiss={() => setMissing(undefined)}
          actions={
            <>
              {showView ? <Button onClick={() => showView('populations')}>{t.budget.importFigures}</Button> : null}
              {/* An estimate cannot help a member that has no figure at all: importing is the only way. */}
              {missing.mode === 'exact' ? (
                <Button disabled={task.busy !== undefined} onClick={buildAsEstimate}>
                  {t.budget.buildEstimate}
                </Button>
              ) : null}
            </>
          }
        />
      ) : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </ViewSection>
  );
}
