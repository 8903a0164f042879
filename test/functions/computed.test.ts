import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeMode, Register, ReimbursementSum } from '@ssr/shared';
import { FEE_MODES, budgetSummary, feeForMember, feeSchedule, snapshotSchema } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { formulaFields, readCsv } from '../support/csv';
import type { ApiClient } from '../support/http';
import { apiClient, asRecord } from '../support/http';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  await stack.stop();
});

async function register(): Promise<Register & { reimbursementSums: ReimbursementSum[] }> {
  const response = await api.get('/snapshot');
  expect(response.status).toBe(200);
  return snapshotSchema.parse(response.body);
}

const cases = [2024, 2025, 2026, 2027].flatMap((year) => FEE_MODES.map((mode): [number, FeeMode] => [year, mode]));

describe('GET /fees equals the shared engine', () => {
  it.each(cases)('fee year %i, mode %s: the schedule and every member line', async (year, mode) => {
    const data = await register();
    const expected = feeSchedule(data, year, mode);
    if (!expected.ok) throw new Error(expected.error.message);
    const response = await api.get(`/fees?year=${year}&mode=${mode}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(expected.value)));
    for (const member of data.members) {
      const line = feeForMember(data, member, year, mode);
      const single = await api.get(`/fees/${member.id}?year=${year}&mode=${mode}`);
      if (line.ok) {
        expect(single.status).toBe(200);
        expect(single.body).toEqual({ year, mode, ...JSON.parse(JSON.stringify(line.value)), ruleId: expected.value.rule.id, adopted: true });
      } else {
        expect(line.error.code).toBe('missing-population');
        expect(single.status).toBe(409);
        expect(asRecord(single.body)).toMatchObject({ type: 'urn:ssr:problem:missing-population', missing: [expect.objectContaining({ memberId: member.id })] });
      }
    }
  });

  it('holds the worked figures: 2024 → 7 602 231,50 kr; 2025 exact lists the six missing municipalities; Nacka 2025 is 168 168,00 kr', async () => {
    const y2024 = asRecord((await api.get('/fees?year=2024')).body);
    expect(asRecord(y2024.totals)).toMatchObject({ all: 760_223_150, municipalities: 368_223_150, others: 392_000_000 });
    const y2025 = asRecord((await api.get('/fees?year=2025')).body);
    expect((y2025.missing as { name: string }[]).map((gap) => gap.name).sort()).toEqual(['Nykvarn', 'Salem', 'Tyresö', 'Upplands-Bro', 'Vallentuna', 'Värmdö']);
    expect(asRecord((await api.get('/fees/nacka?year=2025')).body).amountOre).toBe(16_816_800);
    expect(asRecord((await api.get('/fees?year=2026')).body).missing).toHaveLength(26);
  });

  it('answers 404 (no-fee-rule) for a year before any adopted rule, and names the year', async () => {
    for (const path of ['/fees?year=2023', '/budget?year=2023', '/invoices?year=2023']) {
      const response = await api.get(path);
      expect(response.status, path).toBe(404);
      expect(asRecord(response.body)).toMatchObject({ type: 'urn:ssr:problem:no-fee-rule', year: 2023 });
      expect(String(asRecord(response.body).detail)).toContain('2023');
    }
  });

  it('answers 404 for an unknown member and for a year it was not a member (R8)', async () => {
    expect(asRecord((await api.get('/fees/atlantis?year=2024')).body).status).toBe(404);
    const created = await api.post('/members', { json: { id: 'ny-aktor', name: 'Ny aktör', kind: 'actor', feeClass: 'single', joinedOn: '2026-03-01' } });
    expect(created.status).toBe(201);
    const before = await api.get('/fees/ny-aktor?year=2025');
    expect(before.status).toBe(404);
    expect(asRecord(before.body)).toMatchObject({ type: 'urn:ssr:problem:not-member', memberId: 'ny-aktor', year: 2025 });
    expect(asRecord((await api.get('/fees/ny-aktor?year=2026')).body).amountOre).toBe(28_000_000);
  });

  it.each(['/fees', '/fees?year=abc', '/fees/nacka', '/budget?year=', '/invoices?year=99999'])('refuses %s with 400 at query.year', async (path) => {
    const response = await api.get(path);
    expect(response.status).toBe(400);
    expect((asRecord(response.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['query.year']);
  });

  it('refuses an unknown mode with 400 at query.mode', async () => {
    const response = await api.get('/fees?year=2025&mode=guess');
    expect(response.status).toBe(400);
    expect(asRecord(response.body).errors).toEqual([{ path: 'query.mode', message: 'Läget ska vara "exact" eller "estimate".' }]);
  });
});

describe('GET /budget', () => {
  it('equals the engine budget summary', async () => {
    const data = await register();
    const schedule = feeSchedule(data, 2025, 'estimate');
    if (!schedule.ok) throw new Error(schedule.error.message);
    const response = await api.get('/budget?year=2025&mode=estimate');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(budgetSummary(schedule.value, data.reimbursementSums))));
  });
});

describe('GET /invoices (R5)', () => {
  it('gives the lines as JSON, and as CSV for Swedish Excel with Accept: text/csv', async () => {
    const json = await api.get('/invoices?year=2024');
    expect(json.status).toBe(200);
    const lines = asRecord(json.body).lines as { memberId: string; totalOre: number }[];
    expect(lines.reduce((sum, line) => sum + line.totalOre, 0)).toBe(760_223_150);
    const csv = await api.get('/invoices?year=2024', { headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="fakturor-2024.csv"');
    const rows = csv.text.split('\r\n');
    expect(rows[0]).toBe('Id;Namn;Organisationsnummer;Fakturareferens;Beskrivning;Underlag;Belopp;Momsbehandling;Moms %;Moms;Totalt');
    expect(rows).toContain(
      'nacka;Nacka;;;Medlemsavgift Samverkan Stockholmsregionen 2024;"1,50\u00a0kr × 110\u00a0633 inv. (31 dec 2023)";165949,50;Utanför momsens tillämpningsområde;0;0,00;165949,50',
    );
    expect(rows.at(-2)).toBe('Summa;;;;;;7602231,50;;;0,00;7602231,50');
  });

  it('gives the CSV for English Excel with Accept-Language: en', async () => {
    const csv = await api.get('/invoices?year=2024', { headers: { accept: 'text/csv', 'accept-language': 'en' } });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="invoices-2024.csv"');
    const rows = csv.text.split('\r\n');
    expect(rows[0]).toBe('Id,Name,Organisation number,Invoice reference,Description,Basis,Amount,VAT treatment,VAT %,VAT,Total');
    expect(rows).toContain(
      'nacka,Nacka,,,Membership fee Samverkan Stockholmsregionen 2024,"1,50\u00a0kr × 110\u00a0633 inhabitants (31 Dec 2023)",165949.50,Outside the scope of VAT,0,0.00,165949.50',
    );
    expect(rows.at(-2)).toBe('Total,,,,,,7602231.50,,,0.00,7602231.50');
  });

  it('sends UTF-8 with a byte order mark and CRLF line ends', async () => {
    const response = await fetch(`${stack.apiUrl}/invoices?year=2024`, { headers: { accept: 'text/csv' } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('Södertälje');
  });

  it('refuses to invoice a year whose figures are missing (409 listing them)', async () => {
    const response = await api.get('/invoices?year=2025');
    expect(response.status).toBe(409);
    expect(asRecord(response.body).missing).toHaveLength(6);
  });

  it("escapes a member named Kommun;=cmd|' /C calc'!A0;z so a spreadsheet does not run it on ',' or ';'", async () => {
    const created = await api.post('/members', {
      json: { id: 'formel', name: "Kommun;=cmd|' /C calc'!A0;z", kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01', invoiceReference: '+SUM(A1:A9)' },
    });
    expect(created.status).toBe(201);
    // R7: the 2024 rule stays adopted when a member of its first year is entered later.
    expect((await api.get('/invoices?year=2024')).status).toBe(200);
    const rules = asRecord((await api.get('/fee-rules')).body).feeRules as { id: string; etag: string }[];
    const approved = await api.post('/fee-rules/avgifter-2024/approvals', {
      json: { memberId: 'formel', approvedOn: '2024-08-01', reference: 'Beslut 2024:1' },
      headers: { 'if-match': rules[0]?.etag ?? '' },
    });
    expect(approved.status).toBe(201);
    const csv = await api.get('/invoices?year=2024', { headers: { accept: 'text/csv' } });
    const row = csv.text.split('\r\n').find((line) => line.startsWith('formel;'));
    expect(row).toBe(
      "formel;\"Kommun;'=cmd|' /C calc'!A0;z\";;'+SUM(A1:A9);Medlemsavgift Samverkan Stockholmsregionen 2024;\"Avgift 280\u00a0000,00\u00a0kr\";280000,00;Utanför momsens tillämpningsområde;0;0,00;280000,00",
    );
    expect(formulaFields(csv.text)).toEqual([]);
  });

  it('writes hostile names so that no field runs a formula read on ",", ";" or tab, and reads them back on ","', async () => {
    const names: Record<string, string> = {
      'sos-alarm': "Kommun;=cmd|' /C calc'!A0;z",
      kustbevakningen: '=HYPERLINK("http://x.example","klicka")',
      'stockholms-hamnar': '+46 8 123, -2+3; @SUM(A1)',
      'brandkaren-attunda': 'Brandkåren "Attunda";=1+1',
      'storstockholms-brandforsvar': 'Två\r\nrader\n-1+2',
      'sodertorns-brandforsvarsforbund': 'Tab\t@A1',
    };
    for (const [id, name] of Object.entries(names)) {
      const current = asRecord((await api.get(`/members/${id}`)).body);
      const renamed = await api.put(`/members/${id}`, { json: { ...current, name, invoiceReference: `-${name}` }, headers: { 'if-match': String(current.etag) } });
      expect(renamed.status).toBe(200);
    }
    const csv = await api.get('/invoices?year=2024', { headers: { accept: 'text/csv', 'accept-language': 'en' } });
    expect(csv.status).toBe(200);
    expect(formulaFields(csv.text)).toEqual([]);
    const rows = readCsv(csv.text.replace(/^\uFEFF/, ''), ',', { strict: true });
    // As written, but for a ' before each place where a formula could begin.
    const given = (text: string | undefined) => text?.replace(/(^|[,;\t\r\n])'(?=[" ]*[=+\-@\t\r])/g, '$1');
    for (const [id, name] of Object.entries(names)) {
      const row = rows.find((cells) => cells[0] === id);
      expect(given(row?.[1])).toBe(name);
      expect(given(row?.[3])).toBe(`-${name}`);
    }
    // Excel under Swedish settings reads the file on ";": the name's own ";" cuts it, never into a formula.
    const swedish = readCsv(csv.text, ';').find((cells) => cells[0]?.startsWith('sos-alarm,'));
    expect(swedish?.slice(0, 2)).toEqual(['sos-alarm,"Kommun', "'=cmd|' /C calc'!A0"]);
  });
});
