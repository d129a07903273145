/**
 * Synthetic `cases` projections for the list benchmarks: a platform whose history grows. Cases are
 * updated one every {@link STEP_MS} on average and last weeks to months, so the open queues are bounded
 * by throughput × duration — the {@link OPEN_CASES} most recently updated cases are open, in every
 * open status — while the closed history accumulates with the collection. Parties are spread so that a
 * rights holder has about 20 cases whatever the size; organisations are the demo organisations of each
 * channel; assignees come from fixed pools (a mediator's history grows with the platform's). Every
 * list field (`viewerKeys`, `assigneeIds`, `participantIds`, `open`, `deskQueue`, `attentionAt`,
 * `clocks`, `nextDueAt`…) is derived from status, channel, organisation and assignees as the store derives it.
 * The machine snapshot, complaint and triage stay those of the real template case (a list reads the
 * snapshot only for the actions of `withActions` rows).
 */
import { deskQueueOf } from '../../shared/machine/deskQueue.js';
import { normalizePartyName } from '../../shared/intake/intakeChecks.js';
import type { ClockId } from '../../shared/time/clockIds.js';
import type { CaseDoc, ProjectedClock } from '../../server/cases/caseModel.js';
import { dueAtOf } from '../../server/cases/dueAtOf.js';
import { caseViewerKeys } from '../../server/cases/projectCase.js';
import { DEMO_ORGS } from '../../server/demo/demoDirectory.js';

/** One synthetic case is updated every 30 minutes on average (48 a day). */
export const STEP_MS = 30 * 60_000;
/** The most recently updated synthetic cases are open (about 12 days of throughput). */
export const OPEN_CASES = 600;
/** Rights holders per 1,000 cases (so each has about 20). */
const HOLDERS_PER_THOUSAND = 50;
/** Linked respondents per 1,000 cases (half the cases have one: about 20 each). */
const RESPONDENTS_PER_THOUSAND = 25;
/** Fixed pools of synthetic assignees. */
export const BENCH_MEDIATORS = 10;
const BENCH_ARBITRATORS = 4;
const BENCH_INVESTIGATORS = 3;

const DAY = 86_400_000;

/** A deterministic hash of `n` and a salt, in [0, 1). */
function rand(n: number, salt: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Picks from weighted choices with the hash of `n` and a salt. */
function pick<T>(n: number, salt: number, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand(n, salt) * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const OPEN_STATUSES: [string, number][] = [
  ['screening', 10],
  ['awaitingInfo', 5],
  ['triage', 10],
  ['inChannel', 55],
  ['resolved', 10],
  ['compliance', 10],
];
const ROUTED_CHANNELS: [string, number][] = [
  ['mediation', 35],
  ['administrative', 25],
  ['judicial', 15],
  ['arbitration', 10],
  ['legalServices', 8],
  ['socialSupervision', 4],
  ['industrySelfRegulation', 3],
];
const MERITS_REASON: Record<string, string> = {
  mediation: 'settled',
  administrative: 'decided',
  judicial: 'judged',
  arbitration: 'awarded',
};
const IN_CHANNEL_STAGE: Record<string, string> = {
  administrative: 'inChannel.administrative.ordinary.investigation',
  judicial: 'inChannel.judicial.trial',
  arbitration: 'inChannel.arbitration.hearing',
  legalServices: 'inChannel.legalServices.advising',
  socialSupervision: 'inChannel.socialSupervision.verification',
  industrySelfRegulation: 'inChannel.industrySelfRegulation.review',
};

/** The demo organisation(s) of each type. */
function orgsOfType(type: string): string[] {
  return DEMO_ORGS.filter((o) => o.type === type).map((o) => o.id);
}

function clock(id: ClockId, startedAt: Date, now: Date): ProjectedClock {
  const { dueAt } = dueAtOf(id, startedAt.toISOString());
  return { clock: id, startedAt, dueAt, breached: dueAt.getTime() < now.getTime() };
}

/**
 * Synthetic case number `n` (0 = the most recently updated), a copy of `template` with every list
 * field made consistent with the status, channel, organisation and assignees chosen for it.
 */
export function syntheticCase(n: number, template: CaseDoc, now: Date): CaseDoc {
  const updatedAt = new Date(now.getTime() - n * STEP_MS - Math.floor(rand(n, 1) * STEP_MS));
  const open = n < OPEN_CASES;
  const block = Math.floor(n / 1000);
  const complainantId = `u-bench-${block * HOLDERS_PER_THOUSAND + (n % HOLDERS_PER_THOUSAND)}`;
  const respondentNo = block * RESPONDENTS_PER_THOUSAND + ((n * 7 + 3) % RESPONDENTS_PER_THOUSAND);

  // where the case is: open in one of the open statuses, or closed (rejected, lapsed, withdrawn, decided)
  let status: string;
  let closureReason: string | null = null;
  if (open) {
    status = pick(n, 2, OPEN_STATUSES);
  } else {
    status = 'closed';
    closureReason = pick(n, 3, [
      ['rejected', 10],
      ['lapsed', 5],
      ['withdrawn', 10],
      ['merits', 75],
    ]);
  }
  const routed =
    ['inChannel', 'resolved', 'compliance'].includes(status) ||
    closureReason === 'withdrawn' ||
    closureReason === 'merits';
  const channel = routed ? pick(n, 4, ROUTED_CHANNELS) : null;
  if (closureReason === 'merits') closureReason = MERITS_REASON[channel!] ?? 'settled';
  const fastTrack = channel === 'administrative' && rand(n, 5) < 0.5;
  const ipType = fastTrack
    ? pick(n, 6, [
        ['designPatent', 60],
        ['inventionPatent', 20],
        ['utilityModel', 20],
      ])
    : pick(n, 6, [
        ['trademark', 40],
        ['copyright', 20],
        ['designPatent', 15],
        ['inventionPatent', 10],
        ['utilityModel', 10],
        ['tradeSecret', 5],
      ]);
  const track = fastTrack ? 'fast' : rand(n, 7) < 0.5 ? 'simple' : 'ordinary';

  // who holds it: the demo organisation of the channel (a protection center for the fast track)
  const orgType = fastTrack ? 'protectionCenter' : channel;
  const orgs = orgType ? orgsOfType(orgType) : [];
  const orgId = orgs.length ? orgs[Math.floor(rand(n, 8) * orgs.length)]! : null;
  const confirmed =
    channel === 'mediation' && (status === 'closed' || status === 'resolved') && rand(n, 9) < 0.2;
  const joinedOrgIds = confirmed ? orgsOfType('judicial') : [];

  const mediatorId =
    channel === 'mediation' ? `u-bench-mediator-${Math.floor(rand(n, 10) * BENCH_MEDIATORS)}` : null;
  const arbitratorId =
    channel === 'arbitration' ? `u-bench-arbitrator-${Math.floor(rand(n, 11) * BENCH_ARBITRATORS)}` : null;
  const investigatorId =
    fastTrack && ipType === 'designPatent' && rand(n, 12) < 0.5
      ? `u-bench-investigator-${Math.floor(rand(n, 13) * BENCH_INVESTIGATORS)}`
      : null;
  const respondentId = routed && rand(n, 14) < 0.5 ? `u-bench-r-${respondentNo}` : null;

  // how long it has run: weeks to months, by how far it got
  const [minDays, maxDays] =
    (
      {
        screening: [0, 3],
        awaitingInfo: [3, 15],
        triage: [2, 6],
        inChannel: [5, 90],
        resolved: [30, 120],
        compliance: [45, 150],
      } as Record<string, [number, number]>
    )[status] ?? (routed ? [14, 150] : [2, 20]);
  const filedAt = new Date(updatedAt.getTime() - (minDays + rand(n, 15) * (maxDays - minDays)) * DAY);
  const routedAt = new Date(Math.min(filedAt.getTime() + 2 * DAY, updatedAt.getTime()));
  const merits = closureReason !== null && Object.values(MERITS_REASON).includes(closureReason);
  const resolvedAt =
    status === 'resolved' || status === 'compliance' || merits
      ? new Date(Math.max(filedAt.getTime(), updatedAt.getTime() - rand(n, 16) * 20 * DAY))
      : null;

  // the stage and the clocks it runs
  let stage: string = status;
  const clocks: ProjectedClock[] = [];
  if (status === 'screening') {
    clocks.push(clock('screeningDecision', filedAt, now));
  } else if (status === 'awaitingInfo') {
    stage = 'awaitingInfo';
    clocks.push(clock('infoRequest', updatedAt, now));
  } else if (status === 'triage') {
    stage = rand(n, 17) < 0.125 ? 'triage.held' : 'triage.ready';
  } else if (status === 'inChannel') {
    if (channel === 'mediation') {
      if (rand(n, 18) < 0.3) {
        stage = 'inChannel.mediation.awaitingAcceptance';
        clocks.push(clock('mediatorAcceptance', updatedAt, now));
      } else {
        stage = template.stage.startsWith('inChannel.mediation') ? template.stage : 'inChannel.mediation';
        clocks.push(clock('mediation', routedAt, now));
      }
    } else if (fastTrack) {
      stage = 'inChannel.administrative.fastTrack.examination';
      clocks.push(clock(ipType === 'designPatent' ? 'fastTrackDesign' : 'fastTrackPatent', routedAt, now));
    } else {
      stage = IN_CHANNEL_STAGE[channel!] ?? `inChannel.${channel}`;
      if (channel === 'administrative') clocks.push(clock('adminAdjudication', routedAt, now));
      if (channel === 'judicial')
        clocks.push(clock(track === 'simple' ? 'summaryTrial' : 'ordinaryTrial', routedAt, now));
      if (channel === 'arbitration')
        clocks.push(
          clock(track === 'simple' ? 'arbitrationExpedited' : 'arbitrationStandard', routedAt, now),
        );
    }
  } else if (status === 'compliance') {
    stage = 'compliance.monitoring';
  }

  const participantIds = [
    ...new Set(
      [complainantId, respondentId, mediatorId, arbitratorId, investigatorId].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const running = clocks.filter((c) => !c.breached).map((c) => c.dueAt.getTime());
  const due = clocks.map((c) => c.dueAt.getTime());
  const respondentName = `Bench Respondent ${respondentNo} Trading Co., Ltd.`;
  const { pendingEffects: _pending, ...rest } = template;
  return {
    ...rest,
    _id: `bench-${n}`,
    caseNo: `SF-2099-${String(n).padStart(7, '0')}`,
    title: `Benchmark case ${n} ${n % 13 === 0 ? 'lamp' : 'tea'}`,
    ipType,
    track,
    channel,
    status,
    stage,
    complainantId,
    complainantName: `Bench rights holder ${complainantId.slice('u-bench-'.length)}`,
    respondentId,
    respondentName,
    respondentKey: normalizePartyName(respondentName),
    rightNumbers: [`ZL2099${String(n).padStart(8, '0')}`],
    mediatorId,
    arbitratorId,
    investigatorId,
    orgId,
    joinedOrgIds,
    participantIds,
    viewerKeys: caseViewerKeys(participantIds, orgId, joinedOrgIds),
    assigneeIds: [mediatorId, arbitratorId, investigatorId].filter((id): id is string => id !== null),
    open: status !== 'closed',
    deskQueue: deskQueueOf(status, stage),
    attentionAt: status !== 'closed' && due.length ? new Date(Math.min(...due)) : null,
    clocks,
    nextDueAt: running.length ? new Date(Math.min(...running)) : null,
    closureReason,
    outcome: null,
    filedAt,
    updatedAt,
    resolvedAt,
    closedAt: status === 'closed' ? updatedAt : null,
  };
}
