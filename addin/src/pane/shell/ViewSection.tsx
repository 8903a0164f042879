import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** One view of the pane: a section named by its heading (`<id>-heading`), an optional intro, then its content. */
export function ViewSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.view} aria-labelledby={`${id}-heading`}>
      <Text as="h2" id={`${id}-heading`} size={500} weight="semibold">
        {heading}
      </Text>
      {intro === undefined ? null : <Text>{intro}</Text>}
      {children}
    </section>
  );
}
