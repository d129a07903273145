/**
 * Narrowing helpers for the machine's guards and actions, which receive the union of all events.
 */
import type { CaseEvent, CaseEventOf, CaseEventType } from './caseEvents.js';
import type { CaseContext } from './caseContext.js';

/** The event narrowed to one type, or null when it is of another type. */
export function eventOf<T extends CaseEventType>(event: CaseEvent, type: T): CaseEventOf<T> | null {
  return event.type === type ? (event as CaseEventOf<T>) : null;
}

/** When an event happened; the machine's own start event falls back to the filing time. */
export function eventAt(event: { at?: unknown } | CaseEvent, context: CaseContext): string {
  return 'at' in event && typeof event.at === 'string' ? event.at : context.filedAt;
}

/** Whether an optional free-text field has content. */
export function hasText(value: string | undefined | null): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
