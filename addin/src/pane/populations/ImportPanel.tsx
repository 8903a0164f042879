import {
  Badge,
  Label,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PopulationFigure, ScbImport } from '@ssr/shared';
import { formatCount, parseScbPopulation } from '@ssr/shared';
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useMessages } from '../../i18n';
import { GuardedButton } from '../shell/GuardedButton';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { blockedReason } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import type { FigureChange } from './changes';
import { figureChanges, figuresByYear } from './changes';
import { readFileBytes } from './read-file';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  number: { textAlign: 'right' },
});

interface ImportPreview {
  fileName: string;
  result: ScbImport;
  changes: FigureChange[];
  /** The etag of each year as read for the preview: saving is based on what the preview showed. */
  etags: Map<number, string>;
}

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatCount(Math.abs(n))}`;
}

/** Import an SCB export: parse with the shared parser, preview against stored figures, save per year. */
export function ImportPanel() {
  const t = useMessages();
  const styles = useStyles();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | undefined>();

  const read = (file: File) =>
    task.run(t.populations.reading, async () => {
      setPreview(undefined);
      const parsed = parseScbPopulation(await readFileBytes(file), { fileName: file.name });
      if (!parsed.ok) {
        return {
          intent: 'error',
          title: t.populations.fileErrorsTitle,
          body: file.name,
          action: t.populations.fileErrorsAction,
          details: parsed.errors.map((error) => `${t.populations.line(error.line)}: ${error.message}`),
        };
      }
      const stored: PopulationFigure[] = [];
      const etags = new Map<number, string>();
      for (const year of parsed.value.years) {
        const result = await api.populations(year);
        if (!result.ok) return problemNotice(result.problem, t);
        stored.push(...result.value.figures);
        etags.set(year, result.value.etag);
      }
      setPreview({ fileName: file.name, result: parsed.value, changes: figureChanges(parsed.value.figures, stored, parsed.value.names), etags });
      return undefined;
    });

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void read(file);
  };

  const save = (current: ImportPreview) =>
    task.run(t.populations.saving(current.result.years[0] ?? 0), async (progress) => {
      const byYear = figuresByYear(current.result.figures);
      let done = 0;
      for (const [year, figures] of byYear) {
        progress(t.populations.saving(year), done / byYear.size);
        // All or nothing per year (the API's contract); a failure stops before the next year.
        const result = await api.putPopulations(year, figures, current.etags.get(year) ?? '');
        if (!result.ok) return problemNotice(result.problem, t);
        done += 1;
      }
      setPreview(undefined);
      if (fileInput.current) fileInput.current.value = '';
      await session.refreshAfterWrite();
      return { intent: 'success', body: t.populations.saved([...byYear.keys()].join(', ')) };
    });

  const years = preview?.result.years.join(', ') ?? '';
  return (
    <div className={styles.panel}>
      <Label htmlFor={inputId}>{t.populations.file}</Label>
      <input id={inputId} ref={fileInput} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={onFile} />
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {preview ? (
        <section className={styles.panel} aria-label={preview.fileName}>
          <Text>
            {t.populations.years}: <strong>{years}</strong> · {t.populations.figures(new Set(preview.result.figures.map((f) => f.municipalityCode)).size)}
          </Text>
          <Text weight="semibold">{t.populations.countyCheck}</Text>
          <ul className={styles.list}>
            {preview.result.countyChecks.map((check) => (
              <li key={`${check.countyCode}-${check.year}`}>
                <Badge appearance="tint" color={check.matches ? 'success' : 'danger'}>
                  {check.matches ? '✓' : '✗'}
                </Badge>{' '}
                {check.matches
                  ? t.populations.countyOk(check.year, formatCount(check.countyPopulation))
                  : t.populations.countyMismatch(check.year, formatCount(check.countyPopulation), formatCount(check.sumOfMunicipalities))}
              </li>
            ))}
          </ul>
          {preview.result.missing.length > 0 ? (
            <NoticeBar
              notice={{
                intent: 'info',
                title: t.populations.missingInFile,
                body: preview.result.missing.map((gap) => `${gap.name} ${gap.year} (${t.populations.line(gap.line)})`).join(', '),
              }}
            />
          ) : null}
          {preview.result.warnings.length > 0 ? (
            <NoticeBar notice={{ intent: 'warning', title: t.populations.warnings, body: '', details: preview.result.warnings }} />
          ) : null}
          <Text weight="semibold">{t.populations.changesHeading}</Text>
          {preview.changes.length === 0 ? (
            <Text>{t.populations.noChanges}</Text>
          ) : (
            <Table size="small" aria-label={t.populations.changesHeading}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.populations.municipality}</TableHeaderCell>
                  <TableHeaderCell>{t.common.year}</TableHeaderCell>
                  <TableHeaderCell>{t.populations.stored}</TableHeaderCell>
                  <TableHeaderCell>{t.populations.incoming}</TableHeaderCell>
                  <TableHeaderCell>{t.populations.difference}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.changes.map((change) => (
                  <TableRow key={`${change.municipalityCode}-${change.year}`}>
                    <TableCell>
                      {change.name} ({change.municipalityCode})
                    </TableCell>
                    <TableCell>{change.year}</TableCell>
                    <TableCell className={styles.number}>{change.stored === undefined ? t.populations.none : formatCount(change.stored)}</TableCell>
                    <TableCell className={styles.number}>{formatCount(change.incoming)}</TableCell>
                    <TableCell className={styles.number}>{change.stored === undefined ? t.populations.none : signed(change.incoming - change.stored)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <GuardedButton
            appearance="primary"
            blocked={blockedReason(session, 'editor', t)}
            disabled={task.busy !== undefined || preview.result.figures.length === 0}
            onClick={() => void save(preview)}
          >
            {t.populations.save(years)}
          </GuardedButton>
        </section>
      ) : null}
    </div>
  );
}
