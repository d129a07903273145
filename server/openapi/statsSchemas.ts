import { CASE_STATUSES, CHANNELS, TRACKS } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, count, id, instant, listOf, nullable, number, text } from './schemaBuilders.js';

/** Counts keyed by every id of a vocabulary (ids outside it, found in the data, are kept too). */
const countsBy = (ids: readonly string[]): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(ids.map((key) => [key, count])),
  required: [...ids],
  additionalProperties: count,
});

const days = (description: string): JsonSchema => ({ ...nullable(number), description });

/** Response schema of `GET /api/stats` (`server/stats/statsView.ts`). */
export const statsSchemas: Record<string, JsonSchema> = {
  StatsView: {
    ...closed({
      scope: {
        anyOf: [{ const: 'all' }, closed({ orgId: id })],
        description: '`all` for admins, the organisation for officers.',
      },
      filed: {
        ...closed({ from: instant, to: nullable(instant) }),
        description: 'The filing period counted: from `from` (a year back unless asked) until `to`.',
      },
      asOf: {
        ...instant,
        description: 'When the figures were counted; they are served for up to `STATS_CACHE_SECONDS` after.',
      },
      byChannel: countsBy(CHANNELS),
      byTrack: countsBy(TRACKS),
      byStatus: countsBy(CASE_STATUSES),
      resolution: listOf(
        closed({
          channel: text,
          track: text,
          resolved: count,
          medianDays: days('Median days from filing to resolution.'),
          p90Days: days('90th percentile of the same days.'),
        }),
      ),
      settlementRate: {
        ...nullable({ type: 'number', minimum: 0, maximum: 1 }),
        description: 'Settled ÷ closed on the merits; null when none closed on the merits.',
      },
      clocksBreached: count,
      openCases: count,
      weekly: {
        ...listOf(
          closed({ week: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' }, opened: count, closed: count }),
        ),
        minItems: 12,
        maxItems: 12,
        description: 'The last 12 ISO weeks (Beijing calendar), oldest first.',
      },
      fastTrack: closed({
        medianDaysToDecision: days('Median days from filing to the determination.'),
        targetWorkingDays: count,
        breaches: count,
      }),
    }),
    description: 'Dashboard figures over the cases of the caller’s scope.',
  },
};
