import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MemoryWorkbook } from '../workbook/workbook';
import { PreviewWorkbook } from './PreviewWorkbook';

const useStyles = makeStyles({
  preview: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 400px) minmax(0, 1fr)',
    alignItems: 'stretch',
    minHeight: '100vh',
    // A window about as narrow as the pane: the workbook goes under it instead of beside it.
    '@media (max-width: 719px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  // The workbook scrolls inside its own area, never the window sideways.
  workbook: { minWidth: 0, overflowX: 'auto' },
  pane: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minHeight: '100vh',
  },
});

/** Preview mode's window: the task pane at its Excel width, the in-memory workbook beside it. */
export function PreviewLayout({ pane, workbook }: { pane: ReactNode; workbook: MemoryWorkbook }) {
  const styles = useStyles();
  return (
    <div className={styles.preview}>
      <aside className={styles.pane}>{pane}</aside>
      <main className={styles.workbook}>
        <PreviewWorkbook workbook={workbook} />
      </main>
    </div>
  );
}
