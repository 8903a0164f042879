import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../../i18n';
import type { Language } from '../../i18n';
import type { MemoryWorkbook } from '../workbook/workbook';
import { LanguageSwitch } from './LanguageSwitch';
import { PreviewWorkbook } from './PreviewWorkbook';

/** Below this width the workbook goes under the pane instead of beside it. */
const SIDE_BY_SIDE = '900px';

const useStyles = makeStyles({
  preview: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    minHeight: '100vh',
    [`@media (min-width: ${SIDE_BY_SIDE})`]: { gridTemplateColumns: 'minmax(320px, 400px) minmax(0, 1fr)', alignItems: 'stretch' },
  },
  pane: {
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [`@media (min-width: ${SIDE_BY_SIDE})`]: {
      minHeight: '100vh',
      borderBottom: 'none',
      borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  language: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
  workbook: { minWidth: 0 },
});

export interface PreviewLayoutProps {
  pane: ReactNode;
  workbook: MemoryWorkbook;
  language: Language;
  /** The language was switched: keep it for the next visit. */
  onLanguage: (language: Language) => void;
}

/**
 * Preview mode's window: the task pane at its Excel width with the workbook beside it, or under
 * it when the window is narrow. The language switch re-renders both in the other language; the
 * pane starts afresh in it, so no text of the old language stays behind.
 */
export function PreviewLayout({ pane, workbook, language: initial, onLanguage }: PreviewLayoutProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState(initial);
  const choose = (next: Language) => {
    setLanguage(next);
    onLanguage(next);
  };
  return (
    <I18nProvider language={language}>
      <div className={styles.preview} lang={language}>
        <aside className={styles.pane}>
          <div className={styles.language}>
            <LanguageSwitch language={language} onChange={choose} />
          </div>
          <div key={language}>{pane}</div>
        </aside>
        <main className={styles.workbook}>
          <PreviewWorkbook workbook={workbook} />
        </main>
      </div>
    </I18nProvider>
  );
}
