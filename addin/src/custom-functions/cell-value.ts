/**
 * A number with its number format, as a custom function returns it where Excel supports
 * data types in custom functions (`allowCustomDataForDataTypeAny`): Excel's `DoubleCellValue`.
 * The format code is Excel's invariant one; Swedish Excel shows `#,##0.00 "kr"` as `168 168,00 kr`.
 * The preview workbook reads the same shape, so it shows what Excel would show.
 */
export interface FormattedNumber {
  readonly type: 'Double';
  readonly basicValue: number;
  readonly numberFormat: string;
}

/** Kronor with two decimals and the unit. */
export const SEK_FORMAT = '#,##0.00 "kr"';

/** Kronor computed under a draft fee rule: the cell itself says it is a proposal, not a fee owed. */
export const PROPOSAL_FORMAT: Readonly<Record<'sv' | 'en', string>> = {
  sv: '#,##0.00 "kr (förslag)"',
  en: '#,##0.00 "kr (proposal)"',
};

export function formattedNumber(value: number, numberFormat: string): FormattedNumber {
  return { type: 'Double', basicValue: value, numberFormat };
}

export function isFormattedNumber(value: unknown): value is FormattedNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Double' &&
    typeof (value as { basicValue?: unknown }).basicValue === 'number' &&
    typeof (value as { numberFormat?: unknown }).numberFormat === 'string'
  );
}
