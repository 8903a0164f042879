import { parseYear } from '@ssr/shared';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useTask } from '../shell/useTask';
import { YearField } from '../shell/YearField';
import { downloadText } from './download';
import { invoicePlan, writeInvoiceSheet } from './sheet';
import { ViewSection } from '../shell/ViewSection';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Invoices (R5): the year's list as a sheet, and as the API's formula-safe CSV. */
export function InvoicesView() {
  const t = useMessages();
  const styles = useStyles();
  const { api, workbook, snapshots, now } = useServices();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  const year = parseYear(yearText);

  const createSheet = () =>
    task.run(t.invoices.creating, async () => {
      if (year === undefined) return undefined;
      const { snapshot } = await snapshots.refresh();
      const plan = invoicePlan(snapshot, year);
      if (!plan.ok) {
        if (plan.reason === 'no-rule') return { intent: 'warning', body: t.invoices.noRule(year) };
        const names = plan.missing
          .map((gap) => gap.name)
          .sort((a, b) => a.localeCompare(b, 'sv'))
          .join(', ');
        return { intent: 'warning', title: t.invoices.missingTitle, body: t.invoices.missing(year, names) };
      }
      const sheet = t.invoices.sheetName(year);
      await writeInvoiceSheet(workbook, { sheet, year, headers: t.invoices.columns, totalLabel: t.invoices.total, lines: plan.lines });
      return { intent: 'success', body: t.invoices.created(sheet, plan.lines.length) };
    });

  const download = () =>
    task.run(t.invoices.downloading, async () => {
      if (year === undefined) return undefined;
      const result = await api.invoicesCsv(year);
      if (!result.ok) return problemNotice(result.problem, t);
      const fileName = `ssr-fakturor-${year}.csv`;
      downloadText(fileName, result.value);
      return { intent: 'success', body: t.invoices.downloaded(fileName) };
    });

  return (
    <ViewSection id="invoices" heading={t.invoices.heading} intro={t.invoices.intro}>
      <YearField label={t.common.year} value={yearText} onChange={setYearText} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={year === undefined || task.busy !== undefined} onClick={() => void createSheet()}>
          {t.invoices.createSheet}
        </Button>
        <Button disabled={year === undefined || task.busy !== undefined} onClick={() => void download()}>
          {t.invoices.downloadCsv}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </ViewSection>
  );
}
