import type { PopulationFigure, ScbImport } from '@ssr/shared';
import { parseScbFile } from '@ssr/shared';
import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import { blockedReason } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import type { FigureChange } from './changes';
import { figureChanges, figuresByYear } from './changes';
import { inflateRaw, readFileBytes } from './read-file';

export interface ImportPreview {
  fileName: string;
  result: ScbImport;
  changes: FigureChange[];
  /** The etag of each year as read for the preview: saving is based on what the preview showed. */
  etags: Map<number, string>;
}

/**
 * Import an SCB export (CSV or Excel): parse with the shared parser, preview against stored
 * figures, save per year. Only the county's figures are in the result; regions outside it are
 * listed as ignored and never sent.
 */
export function useScbImport() {
  const t = useMessages();
  const lang = useLanguage();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | undefined>();

  const read = (file: File) =>
    task.run(t.populations.reading, async () => {
      setPreview(undefined);
      const parsed = await parseScbFile(await readFileBytes(file), inflateRaw, { fileName: file.name, lang });
      if (!parsed.ok) {
        return {
          intent: 'error',
          title: t.populations.fileErrorsTitle,
          body: t.populations.fileErrorsBody(file.name, parsed.errors.length),
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
    void task.run(t.populations.saving(current.result.years[0] ?? 0), async (progress) => {
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

  return { task, preview, fileInput, onFile, save, saveBlocked: blockedReason(session, 'editor', t) };
}
