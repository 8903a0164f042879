import { describe, expect, it } from 'vitest';
import { en } from '../../../addin/src/i18n/en';
import { sv } from '../../../addin/src/i18n/sv';

describe('the invoice sheet’s outcome counts its lines right', () => {
  it.each([
    [sv, 1, 'Bladet "SSR fakturor 2025" är skapat med 1 fakturarad.'],
    [sv, 2, 'Bladet "SSR fakturor 2025" är skapat med 2 fakturarader.'],
    [en, 1, 'The sheet "SSR invoices 2025" has been created with 1 invoice line.'],
    [en, 2, 'The sheet "SSR invoices 2025" has been created with 2 invoice lines.'],
  ])('%#: %s lines', (catalogue, n, expected) => {
    expect(catalogue.invoices.created(catalogue.invoices.sheetName(2025), n)).toBe(expected);
  });
});
