import { parseYear } from '@ssr/shared';
import type { MissingPopulation } from '@ssr/shared';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useServices } from '../shell/services';
import { useTask } from '../shell/useTask';
import { YearField } from '../shell/YearField';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** One year's figures (31 December) into a sheet of their own, as a table. */
export function LoadYearPanel() {
  const t = useMessages();
  const styles = useStyles();
  const { api, workbook, snapshots, now } = useServices();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear() - 1));
  const year = parseYear(yearText);

  const load = () =>
    task.run(t.common.working, async () => {
      if (year === undefined) return undefined;
      const result = await api.populations(year);
      if (!result.ok) return problemNotice(result.problem, t);
      const { snapshot } = await snapshots.get();
      const names = new Map(snapshot.members.flatMap((member) => (member.municipalityCode ? [[member.municipalityCode, member.name] as const] : [])));
      const figures = [...result.value.figures].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
      const sheet = t.populations.sheetName(year);
      await workbook.resetSheet(sheet);
      await workbook.writeTable({
        sheet,
        name: `SSR_Population_${year}`,
        headers: [...t.populations.sheetHeaders],
        rows: figures.map((figure) => [figure.municipalityCode, names.get(figure.municipalityCode) ?? '', figure.year, figure.population, figure.source]),
        columns: [{ numberFormat: '@', width: 60 }, { numberFormat: '@', width: 160 }, { numberFormat: '0', width: 60 }, { numberFormat: '#,##0', width: 100 }, { numberFormat: '@', width: 260 }],
      });
      await workbook.activateSheet(sheet);
      return { intent: 'success', body: t.populations.loadedSheet(figures.length, sheet) };
    });

  return (
    <section className={styles.panel} aria-labelledby="populations-load-heading">
      <Text as="h3" id="populations-load-heading" weight="semibold">
        {t.populations.loadHeading}
      </Text>
      <YearField label={t.populations.loadYear} value={yearText} onChange={setYearText} />
      <div>
        <Button disabled={year === undefined || task.busy !== undefined} onClick={() => void load()}>
          {t.populations.loadToSheet}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
    </section>
  );
}

/** Which municipalities lack the figure a fee year needs (exact mode), from the API's fee schedule. */
export function MissingPanel() {
  const t = useMessages();
  const styles = useStyles();
  const { api, now } = useServices();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  const [missing, setMissing] = useState<{ year: number; list: MissingPopulation[] } | undefined>();
  const year = parseYear(yearText);

  const check = () =>
    task.run(t.common.working, async () => {
      if (year === undefined) return undefined;
      const result = await api.fees(year, 'exact');
      if (!result.ok) {
        setMissing(undefined);
        return problemNotice(result.problem, t);
      }
      setMissing({ year, list: result.value.missing });
      return undefined;
    });

  return (
    <section className={styles.panel} aria-labelledby="populations-missing-heading">
      <Text as="h3" id="populations-missing-heading" weight="semibold">
        {t.populations.missingHeading}
      </Text>
      <YearField label={t.populations.feeYear} value={yearText} onChange={setYearText} />
      <div>
        <Button disabled={year === undefined || task.busy !== undefined} onClick={() => void check()}>
          {t.populations.check}
        </Button>
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {missing ? (
        missing.list.length === 0 ? (
          <Text role="status">{t.populations.missingNone(missing.year)}</Text>
        ) : (
          <>
            <Text role="status" id="populations-missing-list">
              {t.populations.missingList(missing.year, missing.list.length)}
            </Text>
            <ul className={styles.list} aria-labelledby="populations-missing-list">
              {missing.list.map((gap) => (
                <li key={gap.memberId}>
                  {gap.name} ({gap.municipalityCode})
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
