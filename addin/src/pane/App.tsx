import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { useMessages } from '../i18n';
import type { Messages } from '../i18n';
import { BudgetView } from './budget/BudgetView';
import { FeeRulesView } from './fee-rules/FeeRulesView';
import { InvoicesView } from './invoices/InvoicesView';
import { MembersView } from './members/MembersView';
import { PopulationsView } from './populations/PopulationsView';
import { ReimbursementsView } from './reimbursements/ReimbursementsView';
import { formatAge } from './shell/age';
import { FACTS } from './shell/notice';
import { NoticeBar } from './shell/NoticeBar';
import { snapshotOfflineNotice } from './shell/snapshot-notice';
import type { ViewId } from './shell/navigation';
import { NavigationProvider } from './shell/navigation';
import { useServices } from './shell/services';
import { useSession } from './shell/session';
import { StatusView } from './status/StatusView';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
});

const VIEWS: readonly { id: ViewId; label: (t: Messages) => string; View: ComponentType }[] = [
  { id: 'status', label: (t) => t.app.status, View: StatusView },
  { id: 'members', label: (t) => t.app.members, View: MembersView },
  { id: 'populations', label: (t) => t.app.populations, View: PopulationsView },
  { id: 'feeRules', label: (t) => t.app.feeRules, View: FeeRulesView },
  { id: 'reimbursements', label: (t) => t.app.reimbursements, View: ReimbursementsView },
  { id: 'budget', label: (t) => t.app.budget, View: BudgetView },
  { id: 'invoices', label: (t) => t.app.invoices, View: InvoicesView },
];

/** Marks the moment the pane answers input, for the browser tests' time-to-interactive figure. */
export const PANE_INTERACTIVE_MARK = 'ssr-pane-interactive';

/** The task pane: offline banner, one tab per view; views stay mounted so a review survives a tab switch. */
export function App() {
  const t = useMessages();
  const styles = useStyles();
  const { workbook, now } = useServices();
  const session = useSession();
  const [view, setView] = useState<ViewId>('status');

  useEffect(() => {
    if (typeof performance !== 'undefined' && performance.getEntriesByName(PANE_INTERACTIVE_MARK).length === 0) {
      performance.mark(PANE_INTERACTIVE_MARK);
    }
  }, []);

  return (
    <div className={styles.pane}>
      <Text as="h1" size={600} weight="semibold">
        {t.app.title}
      </Text>
      {workbook.kind === 'preview' ? <NoticeBar notice={{ intent: 'info', title: t.app.previewTitle, body: t.app.previewBody }} /> : null}
      {session.offline ? (
        <NoticeBar
          standing
          notice={{
            intent: 'warning',
            title: t.app.offlineTitle,
            // What the formulas use: the saved copy and its age, or nothing at all until the API answers.
            body: session.snapshot ? t.app.offlineBodySaved(formatAge(now() - session.snapshot.fetchedAt, t)) : t.app.offlineBodyNone,
            fact: FACTS.offline,
          }}
          actions={<Button onClick={() => void session.recheck()}>{t.app.offlineAction}</Button>}
        />
      ) : session.snapshot?.offline && session.snapshot.problemCode && session.snapshotError === undefined ? (
        // The API answered but gave no current register (a server error, unreadable data): the saved copy stands in, and the reason is its own.
        <NoticeBar
          standing
          notice={snapshotOfflineNotice(session.snapshot.problemCode, t)}
          actions={<Button onClick={() => void session.recheck()}>{t.app.offlineAction}</Button>}
        />
      ) : null}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as ViewId)}
        aria-label={t.app.tabs}
      >
        {VIEWS.map(({ id, label }) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
            {label(t)}
          </Tab>
        ))}
      </TabList>
      {VIEWS.map(({ id, View }) => (
        <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={view !== id}>
          <NavigationProvider value={setView}>
            <View />
          </NavigationProvider>
        </div>
      ))}
    </div>
  );
}
