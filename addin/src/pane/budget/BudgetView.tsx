import { Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { FeeMode } from '@ssr/shared';
import { membersInYear, parseYear } from '@ssr/shared';
import { useState } from 'react';
import type { WorkbookPort } from '../../excel/port';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
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

/** Budget: a sheet of live SSR formulas for a year, exact or estimated. */
export function BudgetView() {
  const t = useMessages();
  const { workbook, snapshots, now } = useServices();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  // Budgets are made ahead of SCB's figures, so estimate comes first (domain.md, fee year 2026).
  const [mode, setMode] = useState<FeeMode>('estimate');
  const year = parseYear(yearText);

  const create = () =>
    task.run(t.budget.creating, async () => {
      if (year === undefined) return undefined;
      const { snapshot } = await snapshots.get();
      const members = membersInYear(snapshot.members, year);
      if (members.length === 0) return { intent: 'warning', body: t.budget.noMembers(year) };
      const plan = planBudgetSheet({ year, mode, members, labels: budgetLabels(year, t) });
      await writeBudgetSheet(workbook, plan);
      return { intent: 'success', body: t.budget.created(plan.sheet, plan.memberCount) };
    });

  return (
    <ViewSection id="budget" heading={t.budget.heading} intro={t.budget.intro}>
      <YearField label={t.common.year} value={yearText} onChange={setYearText} />
      <Field label={t.budget.mode}>
        <RadioGroup value={mode} onChange={(_, data) => setMode(data.value === 'estimate' ? 'estimate' : 'exact')}>
          <Radio value="exact" label={t.budget.exact} />
          <Radio value="estimate" label={t.budget.estimate} />
        </RadioGroup>
      </Field>
      <div>
        <Button appearance="primary" disabled={year === undefined || task.busy !== undefined} onClick={() => void create()}>
          {t.budget.create}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </ViewSection>
  );
}
