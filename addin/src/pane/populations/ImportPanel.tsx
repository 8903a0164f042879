import { Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useMessages } from '../../i18n';
import { GuardedButton } from '../shell/GuardedButton';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { FigureChangesTable } from './FigureChangesTable';
import { ImportSummary } from './ImportSummary';
import { useScbImport } from './useScbImport';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The native file input is as wide as its button and the file name; in a narrow pane it must shrink.
  input: { maxWidth: '100%', minWidth: 0 },
});

const ACCEPT = [
  '.csv',
  '.tsv',
  '.txt',
  '.xlsx',
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/** Import an SCB export (CSV or Excel): parse with the shared parser, preview against stored figures, save per year. */
export function ImportPanel() {
  const t = useMessages();
  const styles = useStyles();
  const inputId = useId();
  const { task, preview, fileInput, onFile, save, saveBlocked } = useScbImport();

  return (
    <div className={styles.panel}>
      <Label htmlFor={inputId}>{t.populations.file}</Label>
      <input id={inputId} className={styles.input} ref={fileInput} type="file" accept={ACCEPT} onChange={onFile} />
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {preview ? (
        <section className={styles.panel} aria-label={preview.fileName}>
          <ImportSummary result={preview.result} />
          <FigureChangesTable changes={preview.changes} />
          <GuardedButton
            appearance="primary"
            blocked={saveBlocked}
            disabled={task.busy !== undefined || preview.result.figures.length === 0}
            onClick={() => save(preview)}
          >
            {t.populations.save(preview.result.years.join(', '))}
          </GuardedButton>
        </section>
      ) : null}
    </div>
  );
}
