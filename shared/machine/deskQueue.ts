/** The queues of the intake desk, in the order the desk shows them. */
export const DESK_QUEUES = ['screening', 'triage', 'holds', 'inChannel'] as const;

/** A desk queue. */
export type DeskQueue = (typeof DESK_QUEUES)[number];

/**
 * The desk queue a case is in, from its status and stage: screening (with cases awaiting the
 * complainant's information), triage, holds (triage held for PAE review) and in channel (with resolved
 * cases and those in compliance); none once closed.
 */
export function deskQueueOf(status: string, stage: string): DeskQueue | null {
  switch (status) {
    case 'screening':
    case 'awaitingInfo':
      return 'screening';
    case 'triage':
      return stage === 'triage.held' ? 'holds' : 'triage';
    case 'inChannel':
    case 'resolved':
    case 'compliance':
      return 'inChannel';
    default:
      return null;
  }
}
