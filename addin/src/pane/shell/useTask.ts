import { useCallback, useState } from 'react';
import { WorkbookError } from '../../excel/port';
import { useMessages } from '../../i18n';
import type { Notice } from './notice';
import { errorNotice, workbookErrorNotice } from './notice';
import type { Busy } from './Progress';
import { snapshotErrorNotice } from './snapshot-notice';

export type ReportProgress = (label: string, value?: number) => void;

/**
 * One piece of work started by a button: shows progress while it runs, then its notice. A
 * failure that escapes the work becomes an error notice too, so nothing fails silently.
 */
export function useTask() {
  const t = useMessages();
  const [busy, setBusy] = useState<Busy | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  const run = useCallback(
    async (label: string, work: (progress: ReportProgress) => Promise<Notice | undefined>): Promise<void> => {
      setBusy({ label });
      setNotice(undefined);
      try {
        setNotice(await work((next, value) => setBusy(value === undefined ? { label: next } : { label: next, value })));
      } catch (error) {
        // The snapshot client's failures (offline, refused) are said by their code, in the user's language.
        setNotice(snapshotErrorNotice(error, t) ?? (error instanceof WorkbookError ? workbookErrorNotice(error, t) : errorNotice(error, t)));
      } finally {
        setBusy(undefined);
      }
    },
    [t],
  );

  return { busy, notice, setNotice, run };
}
