import { FEE_MODES, memberIdSchema } from '@ssr/shared';
import { z } from 'zod';
import type { Route, RouteParameter, RouteResponse } from './http/route';
import { approveFeeRule } from './functions/approve-fee-rule';
import { createFeeRule } from './functions/create-fee-rule';
import { createMember } from './functions/create-member';
import { createReimbursement } from './functions/create-reimbursement';
import { deleteFeeRule } from './functions/delete-fee-rule';
import { deleteMember } from './functions/delete-member';
import { deleteReimbursement } from './functions/delete-reimbursement';
import { getAudit } from './functions/get-audit';
import { getBudget } from './functions/get-budget';
import { getFees } from './functions/get-fees';
import { getInvoices } from './functions/get-invoices';
import { getMember } from './functions/get-member';
import { getMemberFee } from './functions/get-member-fee';
import { getOpenApi } from './functions/get-openapi';
import { getPopulations } from './functions/get-populations';
import { getReimbursement } from './functions/get-reimbursement';
import { getSnapshot } from './functions/get-snapshot';
import { health } from './functions/health';
import { listFeeRules } from './functions/list-fee-rules';
import { listMembers } from './functions/list-members';
import { listReimbursements } from './functions/list-reimbursements';
import { replaceMember } from './functions/replace-member';
import { replacePopulations } from './functions/replace-populations';
import { replaceReimbursement } from './functions/replace-reimbursement';
import { problemDescription } from './openapi';

/**
 * Every route of the API, in one place: `index.ts` registers these with `app.http` for the
 * Functions host, and the dev host serves exactly these. Paths are below `/api`.
 */

const path = (name: string, description: string): RouteParameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const year: RouteParameter = { name: 'year', in: 'query', required: true, description: 'Avgiftsåret, till exempel 2026.', schema: { type: 'integer' } };
const mode: RouteParameter = {
  name: 'mode',
  in: 'query',
  required: false,
  description: '"exact" (standard) kräver siffran för 31 dec året före; "estimate" tar den senaste tidigare (R3).',
  schema: { type: 'string', enum: [...FEE_MODES] },
};
const { $schema: _dialect, ...versionId } = z.toJSONSchema(memberIdSchema);
const rule: RouteParameter = {
  name: 'rule',
  in: 'query',
  required: false,
  description:
    'Avgiftsregelns version (id), antagen eller utkast, för år från och med dess första år; utan den räknas med versionen som gäller för året (R7). ' +
    'Svaret anger versionen och om den är antagen (adopted: false är ett förslag).',
  schema: versionId,
};
/** What the computed routes answer when the version asked for cannot give the year's fees. */
const ruleProblems = (notFound: string): Record<number, RouteResponse> => ({
  404: { description: `${notFound}, eller ingen version med id rule (unknown-fee-rule)` },
  422: { description: 'Året är före versionens första år (rule-not-effective; errors anger query.year)' },
});
/** The routes answered from the register kept in memory: each answer has an etag, and a match is a 304. */
const ifNoneMatch: RouteParameter = { name: 'If-None-Match', in: 'header', required: false, description: 'Etag från ett tidigare svar; 304 om svaret är detsamma.', schema: { type: 'string' } };
const notModified: Record<number, RouteResponse> = { 304: { description: 'Oförändrad' } };
const ifMatch: RouteParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'Etag från läsningen; saknas den blir svaret 428, är den inaktuell 412.',
  schema: { type: 'string' },
};

/** Problem responses by status, with their standard descriptions. */
const problems = (...statuses: number[]): Record<number, RouteResponse> =>
  Object.fromEntries(statuses.map((status) => [status, { description: problemDescription(status) }]));

export const routes: readonly Route[] = [
  { name: 'health', method: 'GET', path: 'health', role: 'none', summary: 'API:ts och lagringens status', responses: { 200: { description: 'Allt svarar', schema: 'Health' } }, handler: health },
  {
    name: 'getSnapshot', method: 'GET', path: 'snapshot', role: 'reader', summary: 'Allt tillägget räknar från, med version',
    parameters: [{ ...ifNoneMatch, description: 'Versionen du har; 304 om den gäller.' }],
    responses: { 200: { description: 'Ögonblicksbilden', schema: 'Snapshot' }, ...notModified },
    handler: getSnapshot,
  },
  { name: 'listMembers', method: 'GET', path: 'members', role: 'reader', summary: 'Medlemsregistret', parameters: [ifNoneMatch], responses: { 200: { description: 'Medlemmarna med etag', schema: 'MemberList' }, ...notModified }, handler: listMembers },
  {
    name: 'createMember', method: 'POST', path: 'members', role: 'editor', summary: 'Lägg till en medlem (409 om id finns)', body: 'MemberInput',
    responses: { 201: { description: 'Skapad', schema: 'Member' }, ...problems(400, 409, 413, 415) },
    handler: createMember,
  },
  {
    name: 'getMember', method: 'GET', path: 'members/{id}', role: 'reader', summary: 'En medlem', parameters: [path('id', 'Medlemmens id')],
    responses: { 200: { description: 'Medlemmen', schema: 'Member' }, ...problems(400, 404) },
    handler: getMember,
  },
  {
    name: 'replaceMember', method: 'PUT', path: 'members/{id}', role: 'editor', summary: 'Ändra en medlem', parameters: [path('id', 'Medlemmens id'), ifMatch], body: 'MemberChangeInput',
    responses: { 200: { description: 'Ändrad', schema: 'Member' }, ...problems(400, 404, 409, 412, 413, 415, 428) },
    handler: replaceMember,
  },
  {
    name: 'deleteMember', method: 'DELETE', path: 'members/{id}', role: 'admin', summary: 'Ta bort en felaktigt inlagd medlem', parameters: [path('id', 'Medlemmens id'), ifMatch],
    responses: { 204: { description: 'Borttagen' }, ...problems(400, 404, 409, 412, 428) },
    handler: deleteMember,
  },
  {
    name: 'getPopulations', method: 'GET', path: 'populations', role: 'reader', summary: 'Befolkningen 31 dec ett år, med källa', parameters: [{ ...year, description: 'Året (31 december).' }],
    responses: { 200: { description: 'Årets siffror; etag villkorar PUT', schema: 'PopulationYear' }, ...problems(400) },
    handler: getPopulations,
  },
  {
    name: 'replacePopulations', method: 'PUT', path: 'populations/{year}', role: 'editor', summary: 'Ersätt årets siffror för de koder som ges, allt eller inget',
    parameters: [path('year', 'Året (31 december)'), ifMatch], body: 'PopulationsInput',
    responses: { 200: { description: 'Årets siffror efter ändringen', schema: 'PopulationYear' }, ...problems(400, 412, 413, 415, 428) },
    handler: replacePopulations,
  },
  { name: 'listFeeRules', method: 'GET', path: 'fee-rules', role: 'reader', summary: 'Avgiftsreglernas versioner (R7)', parameters: [ifNoneMatch], responses: { 200: { description: 'Versionerna med status', schema: 'FeeRuleList' }, ...notModified }, handler: listFeeRules },
  {
    name: 'createFeeRule', method: 'POST', path: 'fee-rules', role: 'admin', summary: 'Föreslå en ny version (R7), en per år (409 om året har en)', body: 'FeeRuleInput',
    responses: { 201: { description: 'Skapad', schema: 'FeeRule' }, ...problems(400, 409, 413, 415) },
    handler: createFeeRule,
  },
  {
    name: 'approveFeeRule', method: 'POST', path: 'fee-rules/{id}/approvals', role: 'admin', summary: 'Registrera en parts godkännande (R7)',
    parameters: [path('id', 'Avgiftsregelns id'), ifMatch], body: 'ApprovalInput',
    responses: { 201: { description: 'Godkännandet registrerat; regeln med ny status', schema: 'FeeRule' }, ...problems(400, 404, 409, 412, 413, 415, 428) },
    handler: approveFeeRule,
  },
  {
    name: 'deleteFeeRule', method: 'DELETE', path: 'fee-rules/{id}', role: 'admin', summary: 'Dra tillbaka ett utkast (R7); en antagen version står kvar (409)',
    parameters: [path('id', 'Avgiftsregelns id'), ifMatch],
    responses: { 204: { description: 'Utkastet tillbakadraget' }, ...problems(400, 404, 409, 412, 428) },
    handler: deleteFeeRule,
  },
  {
    name: 'getFees', method: 'GET', path: 'fees', role: 'reader', summary: 'Avgiftslistan för ett år', parameters: [year, mode, rule, ifNoneMatch],
    responses: {
      ...notModified,
      200: { description: 'En rad per medlem, summor per grupp, saknade siffror', schema: 'FeeSchedule' },
      ...problems(400),
      ...ruleProblems('Ingen antagen regel gäller för året (no-fee-rule)'),
    },
    handler: getFees,
  },
  {
    name: 'getMemberFee', method: 'GET', path: 'fees/{memberId}', role: 'reader', summary: 'En medlems avgift', parameters: [path('memberId', 'Medlemmens id'), year, mode, rule, ifNoneMatch],
    responses: {
      ...notModified,
      200: { description: 'Avgiftsraden, med versionen den är räknad efter', schema: 'MemberFee' },
      ...problems(400, 409),
      ...ruleProblems('Ingen sådan medlem, inte medlem året (not-member), ingen antagen regel för året (no-fee-rule)'),
    },
    handler: getMemberFee,
  },
  {
    name: 'listReimbursements', method: 'GET', path: 'reimbursements', role: 'reader', summary: 'Årets ersättningar (R6)', parameters: [year, ifNoneMatch],
    responses: { 200: { description: 'Ersättningarna', schema: 'ReimbursementList' }, ...notModified, ...problems(400) },
    handler: listReimbursements,
  },
  {
    name: 'createReimbursement', method: 'POST', path: 'reimbursements', role: 'editor', summary: 'Registrera en ersättning (R6)', body: 'ReimbursementInput',
    responses: { 201: { description: 'Registrerad', schema: 'Reimbursement' }, ...problems(400, 409, 413, 415) },
    handler: createReimbursement,
  },
  {
    name: 'getReimbursement', method: 'GET', path: 'reimbursements/{id}', role: 'reader', summary: 'En ersättning', parameters: [path('id', 'Ersättningens id')],
    responses: { 200: { description: 'Ersättningen', schema: 'Reimbursement' }, ...problems(400, 404) },
    handler: getReimbursement,
  },
  {
    name: 'replaceReimbursement', method: 'PUT', path: 'reimbursements/{id}', role: 'editor', summary: 'Rätta en ersättning (R6)',
    parameters: [path('id', 'Ersättningens id'), ifMatch], body: 'ReimbursementInput',
    responses: { 200: { description: 'Rättad', schema: 'Reimbursement' }, ...problems(400, 404, 409, 412, 413, 415, 428) },
    handler: replaceReimbursement,
  },
  {
    name: 'deleteReimbursement', method: 'DELETE', path: 'reimbursements/{id}', role: 'editor', summary: 'Ta bort en felaktigt registrerad ersättning (R6)',
    parameters: [path('id', 'Ersättningens id'), ifMatch],
    responses: { 204: { description: 'Borttagen' }, ...problems(400, 404, 409, 412, 428) },
    handler: deleteReimbursement,
  },
  {
    name: 'getBudget', method: 'GET', path: 'budget', role: 'reader', summary: 'Budgeten: intäkter per grupp, ersättningar, netto per medlem', parameters: [year, mode, rule, ifNoneMatch],
    responses: { 200: { description: 'Budgeten', schema: 'Budget' }, ...notModified, ...problems(400), ...ruleProblems('Ingen antagen regel gäller för året (no-fee-rule)') },
    handler: getBudget,
  },
  {
    name: 'getInvoices', method: 'GET', path: 'invoices', role: 'reader', summary: 'Årets fakturarader (R5); Accept: text/csv ger CSV', parameters: [year],
    responses: { 200: { description: 'Fakturaraderna', schema: 'Invoices', csv: true }, ...problems(400, 404, 409) },
    handler: getInvoices,
  },
  {
    name: 'getAudit', method: 'GET', path: 'audit', role: 'admin', summary: 'Ändringsloggen',
    parameters: [
      { name: 'since', in: 'query', required: false, description: 'Från och med (ISO 8601).', schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, description: 'Högst så många poster (1–1000).', schema: { type: 'integer' } },
    ],
    responses: { 200: { description: 'Posterna, äldst först', schema: 'AuditLog' }, ...problems(400) },
    handler: getAudit,
  },
  { name: 'getOpenApi', method: 'GET', path: 'openapi.json', role: 'none', summary: 'Det här dokumentet', responses: { 200: { description: 'OpenAPI 3.1', schema: 'OpenApiDocument' } }, handler: getOpenApi },
];
