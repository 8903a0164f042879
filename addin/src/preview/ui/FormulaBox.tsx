import { Button, Field, Input, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FormulaLocale } from '../formula/locale';
import { formulaLocale, INVARIANT } from '../formula/locale';
import { parseFormula, translateFormula } from '../formula/parse';
import type { FormulaValue } from '../formula/values';
import { isCellError, isMatrix } from '../formula/values';
import type { MemoryWorkbook } from '../workbook/workbook';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { displayValue } from './display';

/** The example in the box, in the syntax of the pane's language. */
const EXAMPLE = '=SSR.FEE("Nacka", 2025)';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  // A spilled table is as wide as it is: it scrolls inside the box, never the page.
  table: { overflowX: 'auto', maxWidth: '100%' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function parseMessage(formula: string, locale: FormulaLocale, t: Messages): string | undefined {
  const parsed = parseFormula(formula, locale);
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
  const lang = useLanguage();
  const locale = formulaLocale(lang);
  const styles = useStyles();
  const [formula, setFormula] = useState('');
  const [result, setResult] = useState<{ value: FormulaValue } | { problem: string } | undefined>();

  const evaluate = async (event: FormEvent) => {
    event.preventDefault();
    const problem = parseMessage(formula, locale, t);
    if (problem) {
      setResult({ problem });
      return;
    }
    setResult({ value: await workbook.evaluate(formula, locale) });
  };

  return (
    <form className={styles.box} aria-labelledby="formula-box-heading" onSubmit={(event) => void evaluate(event)}>
      <Text as="h3" id="formula-box-heading" weight="semibold">
        {t.preview.formulaBox}
      </Text>
      <div className={styles.row}>
        <Field className={styles.grow} label={t.preview.formulaLabel}>
          <Input value={formula} placeholder={translateFormula(EXAMPLE, INVARIANT, locale)} onChange={(_, data) => setFormula(data.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          {t.preview.evaluate}
        </Button>
      </div>
      <output aria-label={t.preview.result} aria-live="polite">
        {result === undefined ? null : 'problem' in result ? (
          <Text className={styles.error}>{result.problem}</Text>
        ) : isMatrix(result.value) ? (
          <div className={styles.table}>
          <Table size="extra-small" aria-label={t.preview.result}>
            <TableBody>
              {result.value.map((row, r) => (
                <TableRow key={r}>
                  {row.map((cell, c) => (
                    <TableCell key={c}>{displayValue(cell, undefined, lang)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
        ) : isCellError(result.value) ? (
          <Text className={styles.error}>
            {result.value.error}
            {result.value.message ? ` — ${result.value.message}` : ''}
          </Text>
        ) : (
          <Text weight="semibold">{displayValue(result.value, undefined, lang)}</Text>
        )}
      </output>
    </form>
  );
}
