import { parseYear } from '@ssr/shared';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { YearField } from '../shell/YearField';
import { downloadText } from './download';
import { InvoiceDetailsForm } from './InvoiceDetailsForm';
import { invoicePlan, membersLackingInvoiceDetails, writeInvoiceSheet } from './sheet';
import { ViewSection } from '../shell/ViewSection';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Invoices (R5): the year's list as a sheet, and as the API's formula-safe CSV for the Excel
 * of the pane's language. Members the invoices cannot be addressed to yet are named first,
 * with a form to fill in what they lack.
 */
export function InvoicesView() {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const { api, workbook, snapshots, now } = useServices();
  const session = useSession();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  const year = parseYear(yearText);
  const register = session.snapshot?.snapshot;
  const lacking = useMemo(() => (register && year !== undefined ? membersLackingInvoiceDetails(register, year) : []), [register, year]);

  const createSheet = () =>
    task.run(t.invoices.creating, async () => {
      if (year === undefined) return undefined;
      const { snapshot } = await snapshots.refresh();
      const plan = invoicePlan(snapshot, year, language);
      if (!plan.ok) {
        if (plan.reason === 'no-rule') return { intent: 'warning', body: t.invoices.noRule(year) };
        const names = plan.missing
          .map((gap) => gap.name)
          .sort((a, b) => a.localeCompare(b, 'sv'))
          .join(', ');
        return { intent: 'warning', title: t.invoices.missingTitle, body: t.invoices.missing(year, names) };
      }
      const sheet = t.invoices.sheetName(year);
      await writeInvoiceSheet(workbook, { sheet, year, lang: language, lines: plan.lines });
      return { intent: 'success', body: t.invoices.created(sheet, plan.lines.length) };
    });

  const download = () =>
    task.run(t.invoices.downloading, async () => {
      if (year === undefined) return undefined;
      const result = await api.invoicesCsv(year);
      if (!result.ok) return problemNotice(result.problem, t);
      const fileName = t.invoices.fileName(year);
      downloadText(fileName, result.value);
      return { intent: 'success', body: t.invoices.downloaded(fileName) };
    });

  return (
    <ViewSection id="invoices" heading={t.invoices.heading} intro={t.invoices.intro}>
      <YearField label={t.common.year} value={yearText} onChange={setYearText} />
      {lacking.length > 0 ? (
        <>
          <NoticeBar
            notice={{
              intent: 'warning',
              title: t.invoices.incompleteTitle,
              body: t.invoices.incomplete(lacking.length, lacking.map((member) => member.name).join(', ')),
            }}
          />
          <InvoiceDetailsForm lacking={lacking} />
        </>
      ) : null}
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
