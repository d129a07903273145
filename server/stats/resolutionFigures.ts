import { CHANNELS, TRACKS } from '../../shared/vocabulary.js';
import { daysBetween, median, percentile, roundTo } from './distribution.js';
import type { ResolutionFigures } from '../../shared/api/statsView.js';

/** A case resolved on the merits, as the resolution figures need it. */
export interface ResolvedCase {
  channel: string | null;
  track: string;
  filedAt: Date;
  resolvedAt: Date;
}

const order = (list: readonly string[], value: string) => {
  const i = list.indexOf(value);
  return i === -1 ? list.length : i;
};

/** Count, median and 90th percentile of days to resolution per channel and track, in vocabulary order. */
export function resolutionFigures(cases: readonly ResolvedCase[]): ResolutionFigures[] {
  const groups = new Map<string, { channel: string; track: string; days: number[] }>();
  for (const c of cases) {
    if (c.channel === null) continue;
    const key = `${c.channel}\u0000${c.track}`;
    const group = groups.get(key) ?? { channel: c.channel, track: c.track, days: [] };
    group.days.push(daysBetween(c.filedAt, c.resolvedAt));
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        order(CHANNELS, a.channel) - order(CHANNELS, b.channel) ||
        a.channel.localeCompare(b.channel) ||
        order(TRACKS, a.track) - order(TRACKS, b.track),
    )
    .map(({ channel, track, days }) => ({
      channel,
      track,
      resolved: days.length,
      medianDays: roundTo(median(days), 2),
      p90Days: roundTo(percentile(days, 90), 2),
    }));
}
