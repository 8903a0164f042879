import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ScbImport } from '@ssr/shared';
import { formatCount } from '@ssr/shared';
import { useMessages } from '../../i18n';
import { NoticeBar } from '../shell/NoticeBar';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What a parsed file holds: its years and municipalities, the county check, gaps and warnings. */
export function ImportSummary({ result }: { result: ScbImport }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <>
      <Text>
        {t.populations.years}: <strong>{result.years.join(', ')}</strong> ·{' '}
        {t.populations.figures(new Set(result.figures.map((f) => f.municipalityCode)).size)}
      </Text>
      <Text weight="semibold">{t.populations.countyCheck}</Text>
      <ul className={styles.list}>
        {result.countyChecks.map((check) => (
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
      {result.missing.length > 0 ? (
        <NoticeBar
          notice={{
            intent: 'info',
            title: t.populations.missingInFile,
            body: result.missing.map((gap) => `${gap.name} ${gap.year} (${t.populations.line(gap.line)})`).join(', '),
          }}
        />
      ) : null}
      {result.warnings.length > 0 ? <NoticeBar notice={{ intent: 'warning', title: t.populations.warnings, body: '', details: result.warnings }} /> : null}
    </>
  );
}
