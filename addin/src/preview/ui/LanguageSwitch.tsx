import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../../i18n';
import { useMessages } from '../../i18n';

const useStyles = makeStyles({
  switch: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end', flexWrap: 'wrap' },
});

/** Each language named in itself, as language pickers do, so it can be found from either. */
const NAMES: Readonly<Record<Language, string>> = { sv: 'Svenska', en: 'English' };

/** Preview mode's stand-in for Office's display language: the pane and the formula syntax follow it. */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t.preview.language} className={styles.switch}>
      {(Object.keys(NAMES) as Language[]).map((option) => (
        <ToggleButton
          key={option}
          size="small"
          appearance="subtle"
          lang={option}
          checked={option === language}
          onClick={() => {
            if (option !== language) onChange(option);
          }}
        >
          {NAMES[option]}
        </ToggleButton>
      ))}
    </div>
  );
}
