import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';

const BEIJING = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;

/** The wall-clock time in Beijing of an instant, as a floating ISO string (no offset). */
function beijingWallTime(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 19);
}

/** What a session invitation says. */
export interface SessionInviteInput {
  caseId: string;
  caseNo: string;
  title: string;
  /** The seq of the event that scheduled it (with the case id, the invitation's stable UID). */
  seq: number;
  /** The instant the session starts. */
  sessionAt: string;
  note?: string | undefined;
  /** A hearing (a court's trial or an arbitral tribunal's hearing) rather than a mediation session. */
  hearing?: boolean;
  /** The language of the person asking: the texts are in zh-CN or English. */
  lang: 'zh-CN' | 'en';
}

/** How long a session is put in the calendar: an hour, the platform's default for a mediation session. */
export const SESSION_MINUTES = 60;
/** How long a hearing is put in the calendar: a half day. */
export const HEARING_MINUTES = 180;

/**
 * A scheduled session or hearing as an iCalendar (.ics) invitation in Beijing time (`TZID=Asia/Shanghai`
 * with its VTIMEZONE), for the invitee's calendar. The UID is stable, so importing it again updates the
 * same entry.
 */
export function sessionInvite(input: SessionInviteInput): string {
  const zh = input.lang === 'zh-CN';
  const start = Date.parse(input.sessionAt);
  const what = input.hearing ? (zh ? '开庭' : 'Hearing') : zh ? '调解会议' : 'Session';
  const minutes = input.hearing ? HEARING_MINUTES : SESSION_MINUTES;
  const calendar = ical({
    prodId: { company: 'Sevenfold', product: 'case-sessions', language: zh ? 'ZH' : 'EN' },
    name: zh ? `${input.caseNo} ${what}` : `${input.caseNo} ${what.toLowerCase()}`,
    timezone: { name: BEIJING, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: `${input.caseId}-${input.seq}@sevenfold`,
    start: beijingWallTime(start),
    end: beijingWallTime(start + minutes * 60_000),
    timezone: BEIJING,
    summary: zh ? `${what}：${input.title}（${input.caseNo}）` : `${what}: ${input.title} (${input.caseNo})`,
    description: [
      zh ? `案号 ${input.caseNo}。时间为北京时间。` : `Case ${input.caseNo}. Times are Beijing time.`,
      input.note ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
  });
  return calendar.toString();
}
