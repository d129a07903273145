import { CREDIT_STATUSES } from '../credit/creditStatuses.js';
import { LEGAL_BASIS_KEYS } from '../credit/legalBasisKey.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, count, instant, integer, listOf, nullable, ref, text } from './schemaBuilders.js';

/** Response schemas of the public credit register (`creditPresenter.ts`). */
export const creditSchemas: Record<string, JsonSchema> = {
  CreditEntryView: {
    ...closed({
      name: text,
      rightNumber: text,
      ipType: text,
      decision: {
        type: 'string',
        pattern: '^(infringement:[A-Za-z]+|nonCompliance)$',
        description: '`infringement:<outcome kind>` or `nonCompliance`.',
      },
      channel: nullable(text),
      date: instant,
      caseNo: text,
      id: text,
      status: { type: 'string', enum: [...CREDIT_STATUSES] },
      legalBasis: nullable(text),
      legalBasisKey: nullable({ type: 'string', enum: [...LEGAL_BASIS_KEYS] }),
    }),
    description:
      'An entry of the public credit register: only final decisions a law allows to publish (final judgments, administrative decisions).',
  },
  CreditEntryDetailView: {
    ...closed({
      id: text,
      name: text,
      rightNumber: text,
      ipType: text,
      decision: text,
      channel: nullable(text),
      date: instant,
      caseNo: text,
      status: { type: 'string', enum: [...CREDIT_STATUSES] },
      legalBasis: nullable(text),
      legalBasisKey: nullable({ type: 'string', enum: [...LEGAL_BASIS_KEYS] }),
      caseId: nullable(text),
      partyType: nullable(text),
      listed: { type: 'boolean' },
      notifiedAt: nullable(instant),
      objectionDueAt: nullable(instant),
      objection: nullable(closed({ reason: text, at: instant })),
      removeAfter: nullable(instant),
      history: listOf(
        closed({ status: { type: 'string', enum: [...CREDIT_STATUSES] }, at: instant, reason: text }),
      ),
    }),
    description:
      'A credit-register entry with its notice, objection and history (the listed party and staff).',
  },
  CreditList: closed({ items: listOf(ref('CreditEntryView')) }),
  CreditRegisterPage: closed({
    items: listOf(ref('CreditEntryDetailView')),
    page: integer,
    limit: integer,
    total: count,
  }),
};
