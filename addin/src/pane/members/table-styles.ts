import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The members view's tables at any pane width (320 px in Excel): columns size to their content,
 * long text and badges wrap inside their cell instead of pushing the table wider than the pane.
 */
export const useNarrowTableStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  // Words stay whole (a column is never narrower than its longest word); lines break between them.
  cell: { overflowWrap: 'break-word', verticalAlign: 'top', minWidth: 0 },
  narrow: { width: '3em', verticalAlign: 'top' },
  badge: { whiteSpace: 'normal', height: 'auto', minHeight: tokens.lineHeightBase200 },
});
