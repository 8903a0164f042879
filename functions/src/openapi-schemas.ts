import {
  approvalSchema,
  auditLogSchema,
  budgetSchema,
  feeRuleInputSchema,
  feeRuleListSchema,
  feeRuleViewSchema,
  feeScheduleSchema,
  healthSchema,
  invoiceListSchema,
  memberFeeSchema,
  memberChangeSchema,
  memberListSchema,
  memberSchema,
  memberViewSchema,
  populationsBodySchema,
  populationYearSchema,
  problemSchema,
  reimbursementListSchema,
  reimbursementSchema,
  reimbursementViewSchema,
  snapshotViewSchema,
} from '@ssr/shared';
import { z } from 'zod';

/**
 * The names OpenAPI gives the contract's schemas in `components.schemas`. Request bodies are
 * described as the API reads them (`input`), responses as it writes them (`output`).
 */
export const OPENAPI_SCHEMAS = {
  Member: { schema: memberViewSchema, io: 'output' },
  MemberInput: { schema: memberSchema, io: 'input' },
  MemberChangeInput: { schema: memberChangeSchema, io: 'input' },
  MemberList: { schema: memberListSchema, io: 'output' },
  PopulationYear: { schema: populationYearSchema, io: 'output' },
  PopulationsInput: { schema: populationsBodySchema, io: 'input' },
  FeeRule: { schema: feeRuleViewSchema, io: 'output' },
  FeeRuleInput: { schema: feeRuleInputSchema, io: 'input' },
  FeeRuleList: { schema: feeRuleListSchema, io: 'output' },
  ApprovalInput: { schema: approvalSchema, io: 'input' },
  Reimbursement: { schema: reimbursementViewSchema, io: 'output' },
  ReimbursementInput: { schema: reimbursementSchema, io: 'input' },
  ReimbursementList: { schema: reimbursementListSchema, io: 'output' },
  Snapshot: { schema: snapshotViewSchema, io: 'output' },
  FeeSchedule: { schema: feeScheduleSchema, io: 'output' },
  MemberFee: { schema: memberFeeSchema, io: 'output' },
  Budget: { schema: budgetSchema, io: 'output' },
  Invoices: { schema: invoiceListSchema, io: 'output' },
  AuditLog: { schema: auditLogSchema, io: 'output' },
  Health: { schema: healthSchema, io: 'output' },
  Problem: { schema: problemSchema, io: 'output' },
  // The document itself is the API's own, not part of the shared contract.
  OpenApiDocument: { schema: z.looseObject({ openapi: z.string() }), io: 'output' },
} as const;

export type SchemaName = keyof typeof OPENAPI_SCHEMAS;
