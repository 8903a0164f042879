import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CountyCheck, ScbImport } from '@ssr/shared';
import { formatCount } from '@ssr/shared';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { NoticeBar } from '../shell/NoticeBar';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
});

type Outcome = 'ok' | 'incomplete' | 'mismatch';

/** A sum that could not be checked fully is a warning; only a complete sum that differs is an error. */
function outcomeOf(check: CountyCheck): Outcome {
  if (!check.complete) return 'incomplete';
  return check.matches ? 'ok' : 'mismatch';
}

const BADGE: Record<Outcome, { color: 'success' | 'warning' | 'danger'; mark: string }> = {
  ok: { color: 'success', mark: '✓' },
  incomplete: { color: 'warning', mark: '!' },
  mismatch: { color: 'danger', mark: '✗' },
};

function checkText(check: CountyCheck, outcome: Outcome, t: Messages): string {
  const county = formatCount(check.countyPopulation);
  const sum = formatCount(check.sumOfMunicipalities);
  if (outcome === 'ok') return t.populations.countyOk(check.year, county);
  if (outcome === 'incomplete') return t.populations.countyIncomplete(check.year, county, sum);
  return t.populations.countyMismatch(check.year, county, sum);
}

/** What a parsed file holds: its years and municipalities, the county check, gaps, ignored regions and warnings. */
export function ImportSummary({ result }: { result: ScbImport }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <>
      <Text className={styles.text}>
        {t.populations.years}: <strong>{result.years.join(', ')}</strong> ·{' '}
        {t.populations.figures(new Set(result.figures.map((f) => f.municipalityCode)).size)}
      </Text>
      <Text weight="semibold">{t.populations.countyCheck}</Text>
      <ul className={styles.list}>
        {result.countyChecks.map((check) => {
          const outcome = outcomeOf(check);
          return (
            <li key={`${check.countyCode}-${check.year}`} data-outcome={outcome}>
              <Badge appearance="tint" color={BADGE[outcome].color} role="img" aria-label={t.populations.countyMark[outcome]}>
                {BADGE[outcome].mark}
              </Badge>{' '}
              {checkText(check, outcome, t)}
            </li>
          );
        })}
      </ul>
      {result.warnings.length > 0 ? <NoticeBar notice={{ intent: 'warning', title: t.populations.warnings, body: '', details: result.warnings }} /> : null}
      {result.ignored.length > 0 ? (
        <NoticeBar
          notice={{
            intent: 'info',
            title: t.populations.ignoredTitle(result.ignored.length),
            body: '',
            details: result.ignored.map((region) => t.populations.ignoredItem(region.name, region.code, region.line, region.reason)),
          }}
        />
      ) : null}
      {result.missing.length > 0 ? (
        <NoticeBar
          notice={{
            intent: 'info',
            title: t.populations.missingInFile,
            body: result.missing.map((gap) => `${gap.name} ${gap.year} (${t.populations.line(gap.line)})`).join(', '),
          }}
        />
      ) : null}
    </>
  );
}
