import type { AuthUser } from '../auth/authUser.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { DomainError } from '../errors/domainError.js';
import { sessionInvite } from './sessionInvite.js';
import { stageHasTag } from '../../shared/machine/stageTags.js';

/** Calendar invitations of a case's scheduled sessions. */
export interface CalendarService {
  /** The .ics of the session scheduled by event `seq` of a case the user may see (404 otherwise). */
  sessionInvite(
    user: AuthUser,
    caseId: string,
    seq: number,
    lang: 'zh-CN' | 'en',
  ): Promise<{ fileName: string; ics: string }>;
}

/** Builds the calendar service. */
export function createCalendarService(deps: { cases: CaseService; store: CaseStore }): CalendarService {
  return {
    async sessionInvite(user, caseId, seq, lang) {
      const { doc } = await deps.cases.loadVisible(user, caseId);
      const ev = await deps.store.models.events.findById(`${caseId}:${seq}`).lean<CaseEventDoc>();
      if (!ev || ev.type !== 'SCHEDULE_SESSION' || typeof ev.data.sessionAt !== 'string') {
        throw new DomainError('notFound', 'No session was scheduled by this event.');
      }
      const ics = sessionInvite({
        caseId,
        caseNo: doc.caseNo,
        title: doc.title,
        seq,
        sessionAt: ev.data.sessionAt,
        note: typeof ev.data.note === 'string' ? ev.data.note : undefined,
        hearing: stageHasTag(ev.stage, 'hearing'),
        lang,
      });
      const what = stageHasTag(ev.stage, 'hearing') ? 'hearing' : 'session';
      return { fileName: `${doc.caseNo}-${what}-${seq}.ics`, ics };
    },
  };
}
