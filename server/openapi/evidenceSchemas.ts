import type { JsonSchema } from './openApiTypes.js';
import { closed, count, id, instant, listOf, nullable, ref, text } from './schemaBuilders.js';

/** Response schemas of evidence (`evidencePresenter.ts`). */
export const evidenceSchemas: Record<string, JsonSchema> = {
  EvidenceView: {
    ...closed({
      id: { type: 'string', pattern: '^[0-9a-f]{24}$' },
      name: { ...text, description: 'The sanitised original file name.' },
      contentType: { ...text, description: 'The recognised type, from the allow-list.' },
      size: count,
      sha256: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description: 'Computed while the file streamed in.',
      },
      description: nullable(text),
      uploadedBy: closed({ id, role: text }),
      uploadedAt: instant,
      seq: { ...count, description: 'The case event that recorded the upload.' },
    }),
    description: 'A piece of evidence on a case.',
  },
  EvidenceList: closed({ items: listOf(ref('EvidenceView')) }),
};
