import { Divider } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import { ImportPanel } from './ImportPanel';
import { LoadYearPanel, MissingPanel } from './YearPanels';
import { ViewSection } from '../shell/ViewSection';

/** Populations: import SCB's figures, load a year into a sheet, see what a fee year still lacks. */
export function PopulationsView() {
  const t = useMessages();
  return (
    <ViewSection id="populations" heading={t.populations.heading} intro={t.populations.intro}>
      <ImportPanel />
      <Divider />
      <MissingPanel />
      <Divider />
      <LoadYearPanel />
    </ViewSection>
  );
}
