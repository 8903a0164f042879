import { Badge, Table, TableBody, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { monthName } from '@ssr/shared';
import type { ReactNode } from 'react';
import { STORAGE_UNAVAILABLE_STATUS } from '../../api/client';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { accountLabel } from '../shell/account';
import { formatAge } from '../shell/age';
import { roleName } from '../shell/roles';
import type { StatusFacts } from './useStatus';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold, width: '40%', overflowWrap: 'anywhere' },
  // An account name or address has no place to break; the pane is 320 px.
  value: { overflowWrap: 'anywhere' },
});

/**
 * When the register the SSR cells compute from was read (given or confirmed by the API), in the
 * user's local time: "1 dec 2026 14:32", as a budget prints it.
 */
export function formatAsOf(ms: number, t: Messages): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getDate()} ${monthName(date.getMonth(), t.language)} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function rowsOf(facts: StatusFacts, t: Messages): [string, ReactNode][] {
  const { health, healthProblem, snapshot } = facts;
  const apiState =
    facts.checking && !health && !healthProblem ? (
      t.status.checking
    ) : healthProblem?.status === 0 ? (
      <Badge color="danger">{t.status.unreachable}</Badge>
    ) : (
      <Badge color="success">{t.status.reachable}</Badge>
    );
  const storageState =
    healthProblem?.status === STORAGE_UNAVAILABLE_STATUS ? (
      <Badge color="danger">{t.status.storageDown}</Badge>
    ) : health && !healthProblem ? (
      <Badge color="success">{t.status.storageOk}</Badge>
    ) : (
      t.status.unknown
    );
  const who: [string, ReactNode][] = facts.signsIn
    ? [[t.status.user, facts.account ? accountLabel(facts.account) : t.status.notSignedIn]]
    : [
        [t.status.signIn, t.status.devMode],
        [t.status.user, health?.user.name ?? t.status.unknown],
      ];
  return [
    [t.status.mode, facts.mode === 'office' ? t.status.modeExcel : t.status.modePreview],
    [t.status.api, apiState],
    [t.status.storage, storageState],
    ...who,
    [t.status.role, facts.role ? upperFirst(roleName(facts.role, t)) : facts.rolesKnown ? t.status.noRole : t.status.unknown],
    [t.status.asOf, snapshot ? `${formatAsOf(snapshot.fetchedAt, t)}${snapshot.offline ? ` (${snapshot.problemCode === 'unreachable' ? t.status.asOfSavedCopy : t.status.asOfSavedCopyAnswered})` : ''}` : t.status.unknown],
    [t.status.age, facts.snapshotAgeMs === undefined ? t.status.unknown : formatAge(facts.snapshotAgeMs, t)],
  ];
}

/** The pane's state, a row each: mode, API, storage, who, role, when the register was read and how long ago. */
export function StatusTable({ facts }: { facts: StatusFacts }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <Table size="small" aria-labelledby="status-heading">
      <TableBody>
        {rowsOf(facts, t).map(([label, value]) => (
          <TableRow key={label}>
            <TableCell className={styles.label}>{label}</TableCell>
            <TableCell className={styles.value}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
