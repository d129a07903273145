import { Schema, type Connection, type Model } from 'mongoose';

/** Warning levels of a clock, in the order they come due. */
export const CLOCK_WARNING_LEVELS = ['warning50', 'warning80', 'breach'] as const;
/** A warning level. */
export type ClockWarningLevel = (typeof CLOCK_WARNING_LEVELS)[number];

/**
 * A stored clock of a case. `_id` is `<caseId>:<clock>:<startedAt ms>`, so scheduling the same clock
 * twice is a no-op. `nextAt` is when the scheduler must look at it next (null when done).
 */
export interface ClockRunDoc {
  _id: string;
  caseId: string;
  clock: string;
  startedAt: Date;
  dueAt: Date;
  warnAt50: Date;
  warnAt80: Date;
  /** Levels already published, with the seq of the case event that records each. */
  done: Partial<Record<ClockWarningLevel, number>>;
  state: 'pending' | 'fired' | 'cancelled';
  nextAt: Date | null;
  /** The fast track's protection center also gets the warnings. */
  fastTrack: boolean;
}

const schema = new Schema<ClockRunDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true, index: true },
    clock: { type: String, required: true },
    startedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    warnAt50: { type: Date, required: true },
    warnAt80: { type: Date, required: true },
    done: { type: Schema.Types.Mixed, default: {} },
    state: { type: String, required: true, enum: ['pending', 'fired', 'cancelled'] },
    nextAt: { type: Date, default: null },
    fastTrack: { type: Boolean, default: false },
  },
  { versionKey: false, minimize: false, collection: 'deadlines' },
);
schema.index({ state: 1, nextAt: 1 });

/** The clock runs model on a connection (collection `deadlines`, the name existing data has). */
export function clockRunModel(conn: Connection): Model<ClockRunDoc> {
  return (
    (conn.models.ClockRun as Model<ClockRunDoc> | undefined) ?? conn.model<ClockRunDoc>('ClockRun', schema)
  );
}
