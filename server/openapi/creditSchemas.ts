import type { JsonSchema } from './openApiTypes.js';
import { closed, instant, listOf, nullable, ref, text } from './schemaBuilders.js';

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
    }),
    description: 'An entry of the public credit register.',
  },
  CreditList: closed({ items: listOf(ref('CreditEntryView')) }),
};
