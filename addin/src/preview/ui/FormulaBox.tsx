import { Button, Field, Input, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { parseFormula } from '../formula/parse';
import type { FormulaValue } from '../formula/values';
import { isCellError, isMatrix } from '../formula/values';
import type { MemoryWorkbook } from '../workbook/workbook';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { displayValue } from './display';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function parseMessage(formula: string, t: Messages): string | undefined {
  const parsed = parseFormula(formula);
  if (parsed.ok) return undefined;
  const { kind, at, found = '' } = parsed.failure;
  const messages = t.preview.parse;
  switch (kind) {
    case 'not-a-formula':
      return messages['not-a-formula'];
    case 'unclosed-string':
      return messages['unclosed-string'](at);
    case 'unexpected':
      return messages.unexpected(at, found);
    case 'unknown-name':
      return messages['unknown-name'](at, found);
    case 'end-expected':
      return messages['end-expected'](at, found);
  }
}

/** Try an SSR.* formula against the workbook without putting it in a cell; spilled tables show whole. */
export function FormulaBox({ workbook }: { workbook: MemoryWorkbook }) {
  const t = useMessages();
  const styles = useStyles();
  const [formula, setFormula] = useState('');
  const [result, setResult] = useState<{ value: FormulaValue } | { problem: string } | undefined>();

  const evaluate = async (event: FormEvent) => {
    event.preventDefault();
    const problem = parseMessage(formula, t);
    if (problem) {
      setResult({ problem });
      return;
    }
    setResult({ value: await workbook.evaluate(formula) });
  };

  return (
    <form className={styles.box} aria-labelledby="formula-box-heading" onSubmit={(event) => void evaluate(event)}>
      <Text as="h3" id="formula-box-heading" weight="semibold">
        {t.preview.formulaBox}
      </Text>
      <div className={styles.row}>
        <Field className={styles.grow} label={t.preview.formulaLabel}>
          <Input value={formula} placeholder={t.preview.formulaPlaceholder} onChange={(_, data) => setFormula(data.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          {t.preview.evaluate}
        </Button>
      </div>
      <output aria-label={t.preview.result} aria-live="polite">
        {result === undefined ? null : 'problem' in result ? (
          <Text className={styles.error}>{result.problem}</Text>
        ) : isMatrix(result.value) ? (
          <Table size="extra-small" aria-label={t.preview.result}>
            <TableBody>
              {result.value.map((row, r) => (
                <TableRow key={r}>
                  {row.map((cell, c) => (
                    <TableCell key={c}>{displayValue(cell)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : isCellError(result.value) ? (
          <Text className={styles.error}>
            {result.value.error}
            {result.value.message ? ` — ${result.value.message}` : ''}
          </Text>
        ) : (
          <Text weight="semibold">{displayValue(result.value)}</Text>
        )}
      </output>
    </form>
  );
}
