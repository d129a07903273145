/**
 * The timeline in plain words: one sentence per event, in the UI language, naming who did it (you,
 * a party by name, or a role), plus the free text the event carried (a note, reason, answer…).
 */
import { actionWording } from './actionLabel.js';
import type { TFunction } from 'i18next';
import type { CaseEventView, CaseView } from '../../../shared/api/views.js';
import { formatCny, formatDateTime, formatSessionTime } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';
import { evidenceKindOf } from './evidenceKind.js';

/** What the timeline shows of one event. */
export interface EventLine {
  sentence: string;
  /** Free text the event carried, quoted under the sentence. */
  detail?: string;
  /** Short facts (amounts, items), shown as small badges. */
  facts: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Who did it, in words. */
export function actorName(
  actor: { id: string; role: string },
  c: Pick<CaseView, 'complainant' | 'respondent'>,
  userId: string,
  t: TFunction,
): string {
  if (actor.id === userId) return t('actions.event.you');
  if (actor.role === 'system') return t('actions.event.system');
  if (actor.id === c.complainant.id) return c.complainant.name;
  if (c.respondent.id && actor.id === c.respondent.id) return c.respondent.name;
  return t(`timeline.actorRole.${actor.role}`, { defaultValue: actor.role });
}

/** The sentence and details of an event. */
export function eventLine(
  ev: CaseEventView,
  c: Pick<CaseView, 'complainant' | 'respondent'>,
  userId: string,
  t: TFunction,
  lang: string,
): EventLine {
  const d = ev.data;
  const actor = actorName(ev.actor, c, userId, t);
  const facts: string[] = [];
  const params: Record<string, string> = { actor, type: ev.type };
  let key = ev.type;
  if (ev.type === 'DOCUMENT_ISSUED') {
    // a generated document (issue 13): its kind and language, and its SHA-256 in the hash chain
    const sentence = t('documents.issued', {
      document: t(`documents.kind.${String(d.kind)}`, { defaultValue: String(d.kind) }),
      lang: t(`documents.lang.${String(d.lang)}`, { defaultValue: String(d.lang) }),
    });
    return {
      sentence,
      detail: undefined,
      facts: typeof d.sha256 === 'string' ? [`SHA-256 ${d.sha256.slice(0, 12)}…`] : [],
    };
  }
  switch (ev.type) {
    case 'REQUEST_INFO':
      params.items = Array.isArray(d.items) ? (d.items as string[]).join(t('common.listSeparator')) : '';
      break;
    case 'ROUTE':
    case 'TRANSFER':
      params.channel = t(`vocab.channel.${String(d.channel)}`);
      params.track =
        typeof d.track === 'string' ? t('timeline.trackSuffix', { track: t(`vocab.track.${d.track}`) }) : '';
      break;
    case 'DEADLINE':
    case 'CLOCK_WARNING':
      params.clock = clockLabel(String(d.clock ?? ''), lang);
      params.level = t(`vocab.warningLevel.${String(d.level ?? 'breach')}`);
      break;
    case 'DECLINE_ASSIGNMENT':
      if (d.conflict === true) key = 'DECLINE_ASSIGNMENT_conflict';
      break;
    case 'SCHEDULE_SESSION':
      params.sessionAt = formatSessionTime(str(d.sessionAt), lang);
      key = actionWording(ev.type, ev.tags);
      break;
    case 'RECORD_SESSION':
      key = actionWording(ev.type, ev.tags);
      break;
    case 'REQUEST_EXTENSION':
      if (d.days === undefined) key = 'REQUEST_EXTENSION_fixed';
      params.days = String(d.days ?? 30);
      break;
    case 'NOTIFY_COMPLAINT':
      params.reference = str(d.reference) ?? '';
      break;
    case 'HAND_OVER':
      params.reason = str(d.reason) ?? '';
      break;
    case 'SERVE':
      params.servedAt = formatDateTime(str(d.servedAt), lang);
      params.means = t(`vocab.serviceMeans.${String(d.means)}`, { defaultValue: String(d.means) });
      break;
    case 'INVITATION_SENT':
      params.expiresAt = formatDateTime(str(d.expiresAt), lang);
      // `reason` is a code (routed / resent), not a text to quote
      if (d.reason === 'resent') key = 'INVITATION_SENT_resent';
      break;
    case 'RESPONDENT_ADDRESS_CHANGED':
      params.from = str(d.from) ?? '';
      params.to = str(d.to) ?? '';
      break;
    case 'CLOSE':
      params.reason = d.reason ? t(`vocab.closure.${String(d.reason)}`) : t('timeline.closed');
      break;
    case 'RENDER_JUDGMENT':
    case 'RENDER_AWARD':
    case 'DETERMINE':
      params.finding = d.infringement ? t('actions.event.found') : t('actions.event.notFound');
      params.remedy = d.remedy
        ? t(`vocab.remedy.${String(d.remedy)}`, { defaultValue: String(d.remedy) })
        : '';
      if (typeof d.damagesCny === 'number')
        facts.push(`${t('actions.field.damagesCny')}: ${formatCny(d.damagesCny, lang)}`);
      if (typeof d.punitiveDamagesCny === 'number')
        facts.push(`${t('actions.field.punitiveDamagesCny')}: ${formatCny(d.punitiveDamagesCny, lang)}`);
      break;
    case 'SUBMIT_TECH_REPORT':
      params.match = d.match ? t('actions.event.match') : t('actions.event.noMatch');
      break;
    case 'RECORD_OUTCOME':
      params.outcome = t(`vocab.outcome.${String(d.outcome)}`, { defaultValue: String(d.outcome) });
      break;
    case 'EXTEND_TRIAL':
      params.months = String(d.months ?? '');
      break;
    case 'CREDIT_LISTED':
      params.objectionDueAt = formatDateTime(str(d.objectionDueAt), lang);
      break;
    case 'CREDIT_OBJECTED':
      params.reason = str(d.reason) ?? '';
      break;
    case 'CREDIT_DECIDED':
      key = `CREDIT_DECIDED_${String(d.decision ?? 'keep')}`;
      params.reason = str(d.reason) ?? '';
      break;
    case 'RECORD_COMPLIANCE':
      params.complied = d.complied ? t('actions.event.complied') : t('actions.event.notComplied');
      break;
    case 'ORG_ASSIGNED':
      params.orgType = t(`vocab.orgType.${String(d.orgType)}`, { defaultValue: String(d.orgType) });
      break;
    case 'EVIDENCE_ADDED': {
      params.name = String(d.name ?? d.fileName ?? '');
      const { kind } = evidenceKindOf({ name: params.name, description: str(d.description) ?? null });
      if (kind !== 'other') facts.push(t(`evidence.kinds.${kind}`));
      if (typeof d.sha256 === 'string') facts.push(`SHA-256 ${d.sha256.slice(0, 12)}…`);
      break;
    }
    default:
      break;
  }
  const known = t(`actions.event.${key}`, { ...params, defaultValue: '' });
  const sentence = known || t('actions.event.unknown', params);
  const detail =
    str(d.reason && ev.type !== 'CLOSE' && ev.type !== 'INVITATION_SENT' ? d.reason : undefined) ??
    str(d.note) ??
    str(d.notes) ??
    str(d.answer) ??
    str(d.terms) ??
    str(d.summary) ??
    str(d.statement) ??
    (ev.type === 'EVIDENCE_ADDED'
      ? str(evidenceKindOf({ name: String(d.name ?? ''), description: str(d.description) ?? null }).text)
      : undefined);
  return { sentence, detail, facts };
}
