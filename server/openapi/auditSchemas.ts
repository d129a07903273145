import { AUDIT_KINDS } from '../../shared/admin/auditKinds.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, id, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

const snapshot: JsonSchema = nullable({
  type: 'object',
  description: 'The changed fields of the account or organisation (administrative changes); null for reads.',
  additionalProperties: true,
});

/** Response schemas of the audit log (`auditPresenter.ts`). */
export const auditSchemas: Record<string, JsonSchema> = {
  AuditEntry: {
    ...closed({
      id: { ...id, description: 'The instant, then a random tail: pages continue `before` an id.' },
      at: instant,
      kind: oneOfStrings(AUDIT_KINDS),
      actor: closed({ id, name: text, role: text }),
      caseId: nullable(id),
      orgId: {
        ...nullable(id),
        description: 'The organisation concerned (the case’s handling one for reads).',
      },
      target: closed({
        type: oneOfStrings(['case', 'evidence', 'caseFile', 'calendar', 'org', 'user', 'report']),
        id,
        label: { type: 'string' },
      }),
      before: snapshot,
      after: snapshot,
    }),
    description: 'Who read or changed what, and when.',
  },
  AuditPage: closed({
    items: listOf(ref('AuditEntry')),
    next: { ...nullable(text), description: 'Pass as `before` for the next (older) page; null at the end.' },
  }),
};
