import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import { headerLabel, sheetText } from './columns';
import type { ConflictField } from './merge';
import { assignments, conflictFields } from './merge';
import type { SaveOutcome } from './save';

const useStyles = makeStyles({
  fields: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  field: { minWidth: 0 },
  // Label and value side by side, the value wrapping: fits a 320 px pane.
  values: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, margin: 0 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  choices: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export type Conflict = Extract<SaveOutcome, { status: 'conflict' }>;

/**
 * A 412: every field that differs between what was read, the sheet and the server, who changed
 * it, and what each way out will store. Nothing happens until the user presses one of them.
 */
export function ConflictCard({
  conflict,
  disabled,
  onKeepMine,
  onKeepServer,
}: {
  conflict: Conflict;
  disabled: boolean;
  onKeepMine: () => void;
  onKeepServer: () => void;
}) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const headingId = useId();
  const server = conflict.server.member;
  const name = server.name;
  const fields = conflictFields(server, conflict.mine, conflict.base);
  const shown = (entry: ConflictField, value: string | undefined) => sheetText(entry.field, value, language) || t.members.empty;
  const isDelete = conflict.action === 'delete';
  const mineStored = fields.filter((entry) => entry.changedBy !== 'theirs');
  const theirsKept = fields.filter((entry) => entry.changedBy === 'theirs');
  // Every change the sheet made is already on the server: keeping "mine" would store nothing, so it is not offered.
  const mineOnServer = !isDelete && mineStored.length === 0;
  const keepMineText = isDelete
    ? t.members.deleteAnywayStores(name)
    : mineOnServer
      ? t.members.mineAlreadyOnServer
      : [
        t.members.keepMineStores(assignments(mineStored, 'mine', language, t.members.empty)),
        ...(theirsKept.length > 0 ? [t.members.keepMineKeepsTheirs(assignments(theirsKept, 'theirs', language, t.members.empty))] : []),
      ].join(' ');
  const keepServerText = isDelete
    ? t.members.keepMemberStores
    : fields.length > 0
      ? t.members.keepServerStores(assignments(fields, 'theirs', language, t.members.empty))
      : t.members.keepServerNothing;

  return (
    <Card role="region" aria-labelledby={headingId}>
      <Text id={headingId} weight="semibold">
        {isDelete ? t.members.conflictDeleteHeading(name) : t.members.conflictHeading(name)}
      </Text>
      <ul className={styles.fields} aria-label={t.members.fieldsDiffer}>
        {fields.map((entry) => (
          <li key={entry.field} className={styles.field}>
            <Text weight="semibold">{headerLabel(entry.field, language)}</Text> <Text size={200}>({t.members.changedBy[entry.changedBy]})</Text>
            <dl className={styles.values}>
              {conflict.base ? (
                <>
                  <dt className={styles.label}>{t.members.baseValue}</dt>
                  <dd className={styles.value}>{shown(entry, entry.base)}</dd>
                </>
              ) : null}
              <dt className={styles.label}>{t.members.sheetValue}</dt>
              <dd className={styles.value}>{conflict.mine ? shown(entry, entry.mine) : t.members.removedOne}</dd>
              <dt className={styles.label}>{t.members.serverValue}</dt>
              <dd className={styles.value}>{shown(entry, entry.theirs)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <ul className={styles.choices}>
        <li>{keepMineText}</li>
        <li>{keepServerText}</li>
      </ul>
      <div className={styles.actions}>
        {mineOnServer ? null : (
          <Button appearance="primary" disabled={disabled} onClick={onKeepMine}>
            {isDelete ? t.members.deleteAnyway : t.members.keepMine}
          </Button>
        )}
        <Button appearance={mineOnServer ? 'primary' : 'secondary'} disabled={disabled} onClick={onKeepServer}>
          {isDelete ? t.members.keepMember : t.members.keepServer}
        </Button>
      </div>
    </Card>
  );
}
