import { Button, Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import { headerLabel, MEMBER_COLUMNS } from './columns';
import { changedFields } from './review';
import type { SaveOutcome } from './save';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  differs: { fontWeight: tokens.fontWeightSemibold },
});

export type Conflict = Extract<SaveOutcome, { status: 'conflict' }>;

/**
 * A 412: the sheet's version beside the server's, field by field, and the two ways out.
 * Nothing happens until the user presses one of them.
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
  const mine = conflict.mine;
  const fields = mine ? changedFields(server, mine) : MEMBER_COLUMNS.map((column) => column.field).filter((field) => server[field] !== undefined);
  const shown = (value: string | undefined) => (value === undefined || value === '' ? t.members.empty : value);
  return (
    <Card role="region" aria-labelledby={headingId}>
      <Text id={headingId} weight="semibold">
        {conflict.action === 'delete' ? t.members.conflictDeleteHeading(server.name) : t.members.conflictHeading(server.name)}
      </Text>
      <Table size="small" aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.members.field}</TableHeaderCell>
            <TableHeaderCell>{t.members.sheetValue}</TableHeaderCell>
            <TableHeaderCell>{t.members.serverValue}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell>{headerLabel(field, language)}</TableCell>
              <TableCell className={styles.differs}>{mine ? shown(mine[field]) : t.members.removedOne}</TableCell>
              <TableCell className={styles.differs}>{shown(server[field])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onKeepMine}>
          {conflict.action === 'delete' ? t.members.deleteAnyway : t.members.keepMine}
        </Button>
        <Button disabled={disabled} onClick={onKeepServer}>
          {conflict.action === 'delete' ? t.members.keepMember : t.members.keepServer}
        </Button>
      </div>
    </Card>
  );
}
