/**
 * Live timelines of the cases open in this session. `case:subscribe {caseId, afterSeq}` when a case
 * page opens (the ack's events fill the gap); a `case:event` whose seq skips ahead asks again from
 * the last seq known; every subscription is renewed after a reconnect. Events are merged by seq into
 * the React Query cache of the timeline, so none is ever shown twice.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CaseEventView, CaseView } from '../../../shared/api/views.js';
import type { CaseEventPush } from '../../../shared/realtime/contract.js';
import type { CaseActionsData } from '../api/cases.js';
import { queryKeys } from '../api/queryKeys.js';
import { presenceStore } from './liveStores.js';
import { lastSeq, mergeEvents } from './mergeEvents.js';
import type { AppSocket } from './socket.js';

interface Feed {
  refs: number;
  /** Every event the caller may see up to this seq is in the cache. */
  knownSeq: number;
  inFlight: boolean;
  askAgain: boolean;
}

/** The feeds of one socket. */
export interface CaseFeeds {
  open(caseId: string): () => void;
  onEvent(push: CaseEventPush): void;
  resubscribeAll(): void;
}

/** Builds the feed manager of a socket. */
export function createCaseFeeds(socket: AppSocket, qc: QueryClient): CaseFeeds {
  const feeds = new Map<string, Feed>();

  function merge(caseId: string, events: CaseEventView[]): void {
    if (events.length === 0) return;
    const key = queryKeys.caseEvents(caseId);
    const before = qc.getQueryData<CaseEventView[]>(key);
    const after = mergeEvents(before ?? [], events);
    if (after === before) return;
    qc.setQueryData(key, after);
    // the case and its actions are asked again unless what is held already reflects these events
    // (a first gap fill brings the whole history, which the case just fetched includes)
    const newest = lastSeq(events);
    if ((qc.getQueryData<CaseView>(queryKeys.case(caseId))?.seq ?? -1) < newest) {
      void qc.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true });
    }
    if ((qc.getQueryData<CaseActionsData>(queryKeys.caseActions(caseId))?.seq ?? -1) < newest) {
      void qc.invalidateQueries({ queryKey: queryKeys.caseActions(caseId) });
    }
    if (events.some((e) => e.type === 'EVIDENCE_ADDED')) {
      void qc.invalidateQueries({ queryKey: queryKeys.caseEvidence(caseId) });
    }
  }

  function ask(caseId: string): void {
    const feed = feeds.get(caseId);
    if (!feed) return;
    if (!socket.connected) return; // renewed on connect
    if (feed.inFlight) {
      feed.askAgain = true;
      return;
    }
    feed.inFlight = true;
    socket.emit('case:subscribe', { caseId, afterSeq: feed.knownSeq }, (res) => {
      const current = feeds.get(caseId);
      if (!current) return;
      current.inFlight = false;
      if (res.data) {
        merge(caseId, res.data.events);
        current.knownSeq = Math.max(current.knownSeq, res.data.seq, lastSeq(res.data.events));
        if (res.data.presence) presenceStore.set(caseId, res.data.presence.online);
        // an answer cut short: the rest follows from its last event
        if (res.data.more) current.askAgain = true;
      }
      if (current.askAgain) {
        current.askAgain = false;
        ask(caseId);
      }
    });
  }

  return {
    open(caseId) {
      const existing = feeds.get(caseId);
      if (existing) existing.refs++;
      else {
        // a timeline already loaded over HTTP is complete up to its last seq
        const cached = qc.getQueryData<CaseEventView[]>(queryKeys.caseEvents(caseId));
        feeds.set(caseId, { refs: 1, knownSeq: lastSeq(cached), inFlight: false, askAgain: false });
        ask(caseId);
      }
      return () => {
        const feed = feeds.get(caseId);
        if (!feed) return;
        feed.refs--;
        if (feed.refs > 0) return;
        feeds.delete(caseId);
        presenceStore.set(caseId, undefined);
        if (socket.connected) socket.emit('case:unsubscribe', { caseId }, () => undefined);
      };
    },

    onEvent(push) {
      const feed = feeds.get(push.caseId);
      if (!feed) return;
      const gap = push.seq > feed.knownSeq + 1;
      merge(push.caseId, [push.event]);
      if (gap) ask(push.caseId);
      else feed.knownSeq = Math.max(feed.knownSeq, push.seq);
    },

    resubscribeAll() {
      for (const [caseId, feed] of feeds) {
        feed.inFlight = false;
        ask(caseId);
      }
    },
  };
}
