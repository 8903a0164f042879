import { Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import { ImportPanel } from './ImportPanel';
import { LoadYearPanel, MissingPanel } from './YearPanels';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Populations: import SCB's figures, load a year into a sheet, see what a fee year still lacks. */
export function PopulationsView() {
  const t = useMessages();
  const styles = useStyles();
  return (
    <section className={styles.view} aria-labelledby="populations-heading">
      <Text as="h2" id="populations-heading" size={500} weight="semibold">
        {t.populations.heading}
      </Text>
      <Text>{t.populations.intro}</Text>
      <ImportPanel />
      <Divider />
      <MissingPanel />
      <Divider />
      <LoadYearPanel />
    </section>
  );
}
