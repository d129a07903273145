/**
 * Plans the demo cases (pure, deterministic): which story each case follows and how far, what
 * complaint it files, and when each step happens. Filing dates spread over the last twelve months;
 * steps follow at realistic intervals (staff act in Beijing office hours on working days) and run
 * through the case machine in a dry run, so no clock that moves a case (a lapse, a mediation
 * expiry…) runs out unless the story says so, and the plan knows the state each case ends in.
 */
import { triage } from '../../shared/intake/triage.js';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import type { Actor, CaseAction, CaseEvent } from '../../shared/machine/caseEvents.js';
import {
  activeClocks,
  applyCaseEvent,
  caseStage,
  caseStatus,
  initialCaseSnapshot,
  type CaseSnapshot,
} from '../../shared/machine/machineApi.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { isWorkingDay } from '../../shared/time/calendar.js';
import type { ClockId } from '../../shared/time/clockIds.js';
import type { CaseStatus, Channel, ClosureReason, Track } from '../../shared/vocabulary.js';
import { dueAtOf } from '../cases/dueAtOf.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';
import { DEFAULT_DEMO_CASES } from '../config/demoDefaults.js';
import { demoComplaint, type ComplaintProfile } from './demoComplaints.js';
import { DEMO_ORGS, DEMO_USERS } from './demoDirectory.js';
import { demoRandom, type DemoRandom } from './demoRandom.js';
import { demoRespondentAccount, GENERATED_RESPONDENT_PREFIX } from './demoRespondentAccounts.js';
import { DEMO_COVERAGE, DEMO_SCENARIOS, type DemoActor, type DemoScenario } from './demoScenarios.js';

/** The seed of the demo data: the same seed (and `now`) gives the same cases. */
export const DEMO_SEED = 20_190_601;
/**
 * The share of generated cases (beyond the coverage set) that rest part-way through their story
 * (a plausible time in a state where cases wait); the others are filed at a steadily growing rate
 * over the history window and have gone as far as their timeline reaches by now.
 */
export const DEMO_RESTING_SHARE = 0.4;
/** How far back filing dates go. */
export const DEMO_HISTORY_DAYS = 365;
/** How many times more cases a day are filed at the end of the window than at its start. */
const DEMO_GROWTH = 2.5;
/**
 * Open cases holding a mediator at the end, at most: the two demo mediators take 12 and 8 open
 * cases, and mediation cases filed while trying the demo must still find one free.
 */
export const DEMO_MEDIATOR_LOAD = 8;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
/** How long before a clock that moves a case expires a planned step must happen, at least. */
const CLOCK_MARGIN = 2 * HOUR;
/** Typical waits on the clock, for choosing where open cases rest (hours). */
const CLOCK_WAIT_HOURS: Partial<Record<ClockId, number>> = { ecommerceSellerResponse: 72, infoRequest: 300 };

/** A planned step: who acts, the action (payload filled in) and when. */
export interface PlannedStep {
  who: DemoActor;
  action: CaseAction;
  at: Date;
}

/** What a seeded case should look like (from the dry run through the machine). */
export interface ExpectedCase {
  status: CaseStatus;
  stage: string;
  channel: Channel | null;
  closureReason: ClosureReason | null;
  /** The mediator's seat is taken (an open case in a mediation step, or transferred from one). */
  holdsMediator: boolean;
}

/** One demo case: the story, the complaint and its filer, and the steps with their times. */
export interface DemoCasePlan {
  index: number;
  scenario: string;
  profile: ComplaintProfile;
  filer: string;
  complaint: Complaint;
  /** The track routing puts the case on (before routing, the case has the one triage gives it). */
  track: Track;
  filedAt: Date;
  steps: PlannedStep[];
  expected: ExpectedCase;
}

/** The demo user's id as a case actor (with its organisation and the organisation's type). */
export function demoActor(id: string): Actor {
  if (id.startsWith(GENERATED_RESPONDENT_PREFIX))
    return { id, role: 'respondent', orgId: null, orgType: null };
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return {
    id,
    role: user.role,
    orgId: user.orgId,
    orgType: DEMO_ORGS.find((o) => o.id === user.orgId)?.type ?? null,
  };
}

const STAFF = new Set(['u-admin', 'u-center', 'u-court', 'u-enforcement', 'u-investigator', 'u-arbitrator']);
const iso = (ms: number) => new Date(ms).toISOString();
const roundTo = (value: number, unit: number) => Math.max(unit, Math.round(value / unit) * unit);

/** Whether a Beijing calendar day (given by an instant in it) is a working day. */
function workingDay(ms: number): boolean {
  try {
    return isWorkingDay(new Date(ms));
  } catch {
    const weekday = new Date(ms + BEIJING).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

/**
 * The first instant at or after `ms` when this actor works: staff on Beijing working days from 9:00
 * to 18:00, parties any day from 8:00 to 22:00, the clock at any time. Moved instants start a few
 * minutes after opening (`jitter`).
 */
function workingTime(ms: number, who: DemoActor, jitter: number): number {
  if (who === 'clock') return ms;
  const staff = who === 'assignedMediator' || STAFF.has(who);
  const [open, close] = staff ? [9, 18] : [8, 22];
  let local = ms + BEIJING;
  for (let i = 0; i < 40; i++) {
    const day = Math.floor(local / DAY) * DAY;
    const hour = (local - day) / HOUR;
    const works = !staff || workingDay(day - BEIJING + 12 * HOUR);
    if (works && hour >= open && hour < close) return local - BEIJING;
    if (works && hour < open) return day + open * HOUR + jitter * MINUTE - BEIJING;
    local = day + DAY;
  }
  return ms;
}

/** When a running clock is due, in epoch ms. */
function dueMs(clock: ClockId, entry: NonNullable<CaseContext['clocks'][ClockId]>): number {
  return dueAtOf(clock, entry.startedAt, entry.extension).dueAt.getTime();
}

const contextOf = (snapshot: CaseSnapshot) => snapshot.context as CaseContext;

/** The clock's expiry event, as the clock scheduler sends it. */
const expiry = (clock: ClockId, at: number): CaseEvent => ({
  type: 'DEADLINE',
  clock,
  actor: SYSTEM_ACTOR,
  at: iso(at),
});

/** Whether the expiry of a running clock moves the case (else it only records the breach). */
function movesCase(snapshot: CaseSnapshot, clock: ClockId, at: number): boolean {
  const res = applyCaseEvent(snapshot, expiry(clock, at));
  return res.accepted && caseStage(res.snapshot) !== caseStage(snapshot);
}

/** The earliest expiry among running clocks that move the case, if any. */
function nextMovingExpiry(snapshot: CaseSnapshot): number | undefined {
  let earliest: number | undefined;
  for (const { clock, ...entry } of activeClocks(snapshot)) {
    const due = dueMs(clock, entry);
    if (movesCase(snapshot, clock, due) && (earliest === undefined || due < earliest)) earliest = due;
  }
  return earliest;
}

/** Records the breaches of clocks that only warn and expire by `at`, at their due times. */
function recordBreaches(snapshot: CaseSnapshot, at: number): CaseSnapshot {
  let current = snapshot;
  for (const { clock, breachedAt, ...entry } of activeClocks(snapshot)) {
    const due = dueMs(clock, entry);
    if (breachedAt !== undefined || due > at || movesCase(current, clock, due)) continue;
    current = applyCaseEvent(current, expiry(clock, due)).snapshot;
  }
  return current;
}

/** What the case effects do to the machine: a case waiting for a mediator gets one. */
function assignMediator(snapshot: CaseSnapshot, at: number): CaseSnapshot {
  if (!caseStage(snapshot).endsWith('.awaitingMediator')) return snapshot;
  const context = contextOf(snapshot);
  const free = DEMO_USERS.filter((u) => u.role === 'mediator' && !context.declinedMediatorIds.includes(u.id));
  const chosen = free.find((u) => u.expertise?.includes(context.ipType)) ?? free[0];
  if (!chosen) return snapshot;
  const event = {
    type: 'ASSIGN_MEDIATOR',
    mediatorId: chosen.id,
    actor: SYSTEM_ACTOR,
    at: iso(at),
  } as CaseEvent;
  return applyCaseEvent(snapshot, event).snapshot;
}

/** Everything about a case that is drawn before its times are known. */
interface CaseDraw {
  index: number;
  scenario: DemoScenario;
  steps: number;
  profile: ComplaintProfile;
  filer: string;
  complaint: Complaint;
  track: Track;
  triageTrack: Track;
  gaps: number[];
  jitters: number[];
  seeds: number[];
}

const REJECTIONS = [
  'The complaint names no registered right.',
  'The same dispute is already pending before a court.',
  'The respondent cannot be identified from the complaint.',
  'This is a contract dispute with no IP right at stake.',
];

/** A step's action with the payload this case needs (amounts, dates, texts). */
function fillIn(action: CaseAction, at: number, draw: CaseDraw, rng: DemoRandom): CaseAction {
  const claim = draw.complaint.claim.amountCny;
  switch (action.type) {
    case 'ROUTE':
      return { ...action, track: action.track ?? draw.track };
    case 'SCHEDULE_SESSION': {
      // 10:00 Beijing time 4–12 days on: also the three days' notice a court hearing needs (CPL art. 139)
      const day = Math.floor((at + BEIJING) / DAY) + rng.int(4, 12);
      return { ...action, sessionAt: iso(day * DAY + 10 * HOUR - BEIJING) };
    }
    case 'PROPOSE_AGREEMENT': {
      const pay = roundTo(claim * rng.between(0.2, 0.6), 1000);
      const right = draw.complaint.rights[0]?.title ?? 'the right';
      return {
        ...action,
        terms: `The respondent stops using ${right} within 15 days and pays CNY ${pay.toLocaleString('en-US')}.`,
      };
    }
    case 'RENDER_JUDGMENT': {
      const mayDismiss = !draw.scenario.steps.some((s) => s.action.type === 'OPEN_COMPLIANCE');
      const infringement = !mayDismiss || rng.chance(0.85);
      if (!infringement) return { type: 'RENDER_JUDGMENT', infringement, remedy: 'claims dismissed' };
      const damagesCny = roundTo(claim * rng.between(0.15, 0.7), 1000);
      // punitive damages only where claimed, for wilful infringement in serious circumstances, 1–5×
      // their base (here the compensatory damages)
      const punitive =
        draw.complaint.wilful === true &&
        draw.complaint.claim.remedies.includes('punitive') &&
        rng.chance(0.5);
      return {
        type: 'RENDER_JUDGMENT',
        infringement,
        damagesCny,
        ...(punitive
          ? {
              punitiveBaseCny: damagesCny,
              punitiveDamagesCny: roundTo(damagesCny * rng.between(1, 2.5), 1000),
              wilful: true,
              seriousCircumstances: true,
            }
          : {}),
        remedy: 'cease and pay damages',
      };
    }
    case 'RENDER_AWARD': {
      const infringement = rng.chance(0.8);
      return infringement
        ? {
            type: 'RENDER_AWARD',
            infringement,
            damagesCny: roundTo(claim * rng.between(0.3, 0.9), 1000),
            remedy: 'licence fees and damages',
          }
        : { type: 'RENDER_AWARD', infringement, remedy: 'claims dismissed' };
    }
    case 'RECORD_OUTCOME': {
      const outcome = action.outcome === 'settled' || rng.chance(0.4) ? 'settled' : 'advised';
      return {
        type: 'RECORD_OUTCOME',
        outcome,
        notes:
          outcome === 'settled'
            ? 'The parties settled with the help of the legal-aid lawyer.'
            : 'Advised on evidence and remedies; a warning letter was sent and the use stopped.',
      };
    }
    case 'REJECT':
      return action.reason ? action : { ...action, reason: rng.pick(REJECTIONS) };
    default:
      return action;
  }
}

/** The actor of a step in a case (the dry run's context tells who the mediator is). */
function actorOf(who: DemoActor, context: CaseContext, filer: string): Actor {
  if (who === 'clock') return SYSTEM_ACTOR;
  if (who === 'filer') return demoActor(filer);
  if (who === 'assignedMediator') return demoActor(context.mediatorId ?? 'u-mediator');
  // the scenarios' respondent is the company's own account, linked at filing
  if (who === 'u-respondent') return demoActor(context.respondentId ?? 'u-respondent');
  return demoActor(who);
}

/** The result of running a case's steps through the machine from a filing time. */
interface DryRun {
  filedAt: number;
  steps: PlannedStep[];
  snapshot: CaseSnapshot;
  lastAt: number;
}

/**
 * Runs the first `draw.steps` steps through the machine from `filedAt`: each step at its gap after
 * the previous one (moved into the actor's working hours), brought forward when a clock that moves
 * the case would expire first; a clock step at that clock's expiry. Throws when the machine refuses
 * a step (a scenario that does not fit the machine).
 */
function dryRun(draw: CaseDraw, filedAtRaw: number): DryRun {
  const filedAt = workingTime(filedAtRaw, 'filer', draw.jitters[0] ?? 0);
  const complaint = draw.complaint;
  let snapshot = initialCaseSnapshot({
    caseId: `demo-${draw.index}`,
    filedAt: iso(filedAt),
    complainantId: draw.filer,
    respondentId: complaint.respondent.email ? demoRespondentAccount(complaint.respondent.name).id : null,
    ipType: complaint.ipType,
    track: draw.triageTrack,
    recommendedChannel: null,
    held: false,
    ecommerce: Boolean(complaint.ecommerce),
    punitiveClaimed: complaint.claim.remedies.includes('punitive'),
    arbitrationAgreement: complaint.consents.arbitrationAgreement === true,
  });
  const steps: PlannedStep[] = [];
  let t = filedAt;
  for (let k = 0; k < draw.steps; k++) {
    const step = draw.scenario.steps[k];
    if (!step) break;
    let at: number;
    if (step.who === 'clock') {
      if (step.action.type !== 'DEADLINE')
        throw new Error(`${draw.scenario.name}: a clock step must be DEADLINE`);
      const entry = contextOf(snapshot).clocks[step.action.clock];
      if (!entry) throw new Error(`${draw.scenario.name}: clock ${step.action.clock} is not running`);
      at = dueMs(step.action.clock, entry);
    } else {
      at = workingTime(t + (draw.gaps[k] ?? 0), step.who, draw.jitters[k] ?? 0);
      const limit = nextMovingExpiry(snapshot);
      if (limit !== undefined && at > limit - CLOCK_MARGIN) at = Math.max(t + MINUTE, t + (limit - t) / 2);
    }
    snapshot = recordBreaches(snapshot, at);
    const action = fillIn(step.action, at, draw, demoRandom(draw.seeds[k] ?? k));
    const event = {
      ...action,
      ...(action.type === 'ROUTE' ? { reason: action.reason ?? 'Routed by the intake desk.' } : {}),
      actor: actorOf(step.who, contextOf(snapshot), draw.filer),
      at: iso(at),
    } as CaseEvent;
    const res = applyCaseEvent(snapshot, event);
    if (!res.accepted) {
      throw new Error(
        `demo scenario "${draw.scenario.name}": step ${k + 1} (${action.type}) is refused in ${caseStage(snapshot)}`,
      );
    }
    snapshot = assignMediator(res.snapshot, at);
    steps.push({ who: step.who, action, at: new Date(at) });
    t = at;
  }
  return { filedAt, steps, snapshot, lastAt: t };
}

/** How long a case typically waits in the state after `k` steps (for choosing where open cases rest). */
function waitAfter(scenario: DemoScenario, k: number): number {
  const next = scenario.steps[k];
  if (!next) return 0;
  if (next.action.type === 'DEADLINE') return CLOCK_WAIT_HOURS[next.action.clock] ?? 48;
  return next.afterHours;
}

/** Draws the complaint, pace and step details of a case that follows `steps` steps of `scenario`. */
function drawCase(rng: DemoRandom, index: number, scenario: DemoScenario, steps: number): CaseDraw {
  const profile = rng.pick(scenario.profiles);
  const linkRespondent = scenario.steps.some((s) => s.who === 'u-respondent') || rng.chance(0.2);
  const { complaint, filer } = demoComplaint(rng, profile, { linkRespondent });
  const track = rng.pick(scenario.tracks);
  // some cases move fast, some slowly; a few fast-track cases miss the 10-working-day target
  let pace = Math.exp(rng.between(Math.log(0.6), Math.log(1.6)));
  if (track === 'fast' && rng.chance(0.12)) pace *= rng.between(2.4, 3.2);
  return {
    index,
    scenario,
    steps,
    profile,
    filer,
    complaint,
    track,
    triageTrack: triage(complaint).track,
    gaps: scenario.steps.map((s) => s.afterHours * pace * rng.between(0.75, 1.3) * HOUR),
    jitters: scenario.steps.map(() => rng.int(0, 100)),
    seeds: scenario.steps.map(() => rng.int(1, 2 ** 31 - 1)),
  };
}

/** A filing instant in the history window, later ones more likely (the platform grows). */
function filingTime(rng: DemoRandom, end: number): number {
  // inverse of the cumulative density of a rate growing linearly from 1 to DEMO_GROWTH
  const g = DEMO_GROWTH - 1;
  const x = (Math.sqrt(1 + g * (g + 2) * rng.next()) - 1) / g;
  return end - (1 - x) * DEMO_HISTORY_DAYS * DAY;
}

/**
 * Times a drawn case that has run its whole story: filed at a random point of the history window,
 * ending at least a couple of hours before `end`.
 */
function timeFinished(rng: DemoRandom, draw: CaseDraw, end: number): DryRun {
  const span = draw.gaps.reduce((a, b) => a + b, 0);
  const earliest = end - DEMO_HISTORY_DAYS * DAY;
  const filedAt = Math.min(
    end - span - DAY,
    earliest + rng.next() * Math.max(0, end - span - DAY - earliest),
  );
  return endingBefore(draw, filedAt, end - 2 * HOUR);
}

/** The run from `filedAt`, filed earlier as needed (more each time) until its last step is by `latest`. */
function endingBefore(draw: CaseDraw, filedAt: number, latest: number): DryRun {
  let run = dryRun(draw, filedAt);
  for (let extra = HOUR; run.lastAt > latest && extra < 400 * DAY; extra *= 2) {
    run = dryRun(draw, run.filedAt - (run.lastAt - latest) - extra);
  }
  return run;
}

/**
 * Times a case filed at a random (growth-weighted) instant: it has gone through the steps whose time
 * has come by `end`. A clock that would move it expires after its next step, so after `end` too.
 */
function timeByFiling(rng: DemoRandom, draw: CaseDraw, end: number): { draw: CaseDraw; run: DryRun } {
  const filedAt = filingTime(rng, end);
  const whole = dryRun(draw, filedAt);
  const reached = whole.steps.filter((s) => s.at.getTime() <= end - 10 * MINUTE).length;
  if (reached === draw.steps) return { draw, run: whole };
  const partial = { ...draw, steps: reached };
  const run = dryRun(partial, filedAt);
  // filed in the last hours of a night: office hours would put the filing after `end`
  if (run.filedAt > end - 10 * MINUTE) return { draw: partial, run: timeResting(rng, partial, end, 1) };
  return { draw: partial, run };
}

/**
 * How long a case may plausibly rest in the state `run` ends in: most of the time its clock leaves
 * (so few cases are overdue), or, with no clock running, a few times the usual wait there (between
 * three weeks and 120 days: cases waiting for staff do pile up).
 */
function plausibleRest(draw: CaseDraw, run: DryRun): number {
  const room = activeClocks(run.snapshot).map(({ clock, ...entry }) => dueMs(clock, entry) - run.lastAt);
  if (room.length > 0) return Math.max(HOUR, 0.8 * Math.min(...room));
  return Math.min(120 * DAY, Math.max(21 * DAY, 4 * waitAfter(draw.scenario, draw.steps) * HOUR));
}

/**
 * Times a case resting part-way: its last step `restHours` before `end` (by default a random part of
 * a plausible rest), shortened when a clock that moves the case would otherwise expire before `end`.
 */
function timeResting(rng: DemoRandom, draw: CaseDraw, end: number, restHours: number | undefined): DryRun {
  const span = draw.gaps.slice(0, draw.steps).reduce((a, b) => a + b, 0);
  let run = dryRun(draw, end - span - 7 * DAY);
  let rest = restHours !== undefined ? restHours * HOUR : plausibleRest(draw, run) * rng.between(0.05, 1);
  run = dryRun(draw, end - rest - span);
  for (let attempt = 0; attempt < 8; attempt++) {
    // land the last step `rest` before the end (working hours shift it a little), never after it
    for (let i = 0; i < 3 && Math.abs(run.lastAt - (end - rest)) > 30 * MINUTE; i++) {
      run = dryRun(draw, run.filedAt + (end - rest - run.lastAt));
    }
    run = endingBefore(draw, run.filedAt, end - 10 * MINUTE);
    const expires = nextMovingExpiry(run.snapshot);
    if (expires === undefined || expires > end + CLOCK_MARGIN) return run;
    rest = Math.max(20 * MINUTE, rest * 0.4);
  }
  return run;
}

/** What the case looks like after the dry run. */
function expectedOf(snapshot: CaseSnapshot): ExpectedCase {
  const context = contextOf(snapshot);
  const status = caseStatus(snapshot);
  return {
    status,
    stage: caseStage(snapshot),
    channel: context.channel,
    closureReason: context.closureReason,
    holdsMediator: context.mediatorId !== null && status === 'inChannel',
  };
}

/**
 * A state part-way through a scenario where a case rests, weighted by how common the scenario is and
 * how long cases wait in that state (so, as in a running system, most open cases sit in the long
 * stages: trials, hearings, investigations, compliance).
 */
const RESTS = DEMO_SCENARIOS.flatMap((scenario) =>
  scenario.steps.map(
    (_, k) => [{ scenario, steps: k }, scenario.weight * Math.max(1, waitAfter(scenario, k))] as const,
  ),
);

function scenarioNamed(name: string): DemoScenario {
  const scenario = DEMO_SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`no demo scenario "${name}"`);
  return scenario;
}

/**
 * Plans `count` demo cases ending at `now` (default: the current time), ordered by filing time. The
 * first ones are the coverage set (every channel and status even for a few cases); the others follow
 * scenarios drawn by weight: most filed at a random instant and as far as their timeline reaches by
 * now, some resting part-way for a plausible time.
 */
export function planDemoCases(
  count: number = DEFAULT_DEMO_CASES,
  opts: { now?: Date; seed?: number } = {},
): DemoCasePlan[] {
  const end = (opts.now ?? new Date()).getTime();
  const seed = opts.seed ?? DEMO_SEED;
  const plans: DemoCasePlan[] = [];
  let mediatorLoad = 0;
  for (let index = 0; index < count; index++) {
    const rng = caseRandom(seed, index);
    const cover = DEMO_COVERAGE[index];
    let draw: CaseDraw;
    let run: DryRun;
    if (cover) {
      ({ draw, run } = timeStory(
        rng,
        index,
        scenarioNamed(cover.scenario),
        cover.steps,
        end,
        cover.restHours,
      ));
    } else if (rng.chance(DEMO_RESTING_SHARE)) {
      const rest = rng.weighted(RESTS);
      ({ draw, run } = timeStory(rng, index, rest.scenario, rest.steps, end, undefined));
    } else {
      const scenario = rng.weighted(DEMO_SCENARIOS.map((s) => [s, s.weight] as const));
      ({ draw, run } = timeByFiling(rng, drawCase(rng, index, scenario, scenario.steps.length), end));
    }
    if (expectedOf(run.snapshot).holdsMediator && mediatorLoad >= DEMO_MEDIATOR_LOAD) {
      // the mediators are busy enough: this case has run its course
      draw = { ...draw, steps: draw.scenario.steps.length };
      run = timeFinished(rng, draw, end);
    }
    const plan = planOf(draw, run);
    if (plan.expected.holdsMediator) mediatorLoad++;
    plans.push(plan);
  }
  return plans.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime() || a.index - b.index);
}

/**
 * Plans one case that has gone through `steps` steps of a scenario (all when absent): run to its end
 * at a random point of the history, or resting after those steps. Throws when the machine refuses a
 * step of the scenario (the tests plan every prefix of every scenario this way).
 */
export function planScenarioCase(
  scenario: DemoScenario,
  steps: number | undefined,
  opts: { now?: Date; seed?: number } = {},
): DemoCasePlan {
  const end = (opts.now ?? new Date()).getTime();
  const { draw, run } = timeStory(caseRandom(opts.seed ?? DEMO_SEED, 0), 0, scenario, steps, end, undefined);
  return planOf(draw, run);
}

/** The generator of one case's draws: each case its own, so one case's retries never shift another's. */
function caseRandom(seed: number, index: number): DemoRandom {
  return demoRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

/** Draws and times a case that has gone through `steps` steps of a scenario (all when absent). */
function timeStory(
  rng: DemoRandom,
  index: number,
  scenario: DemoScenario,
  steps: number | undefined,
  end: number,
  restHours: number | undefined,
): { draw: CaseDraw; run: DryRun } {
  const draw = drawCase(rng, index, scenario, Math.min(steps ?? Infinity, scenario.steps.length));
  const run =
    draw.steps === scenario.steps.length
      ? timeFinished(rng, draw, end)
      : timeResting(rng, draw, end, restHours);
  return { draw, run };
}

function planOf(draw: CaseDraw, run: DryRun): DemoCasePlan {
  return {
    index: draw.index,
    scenario: draw.scenario.name,
    profile: draw.profile,
    filer: draw.filer,
    complaint: draw.complaint,
    track: draw.track,
    filedAt: new Date(run.filedAt),
    steps: run.steps,
    expected: expectedOf(run.snapshot),
  };
}
