/**
 * Logs written by machine version 1 (judgments final at once, trial during the answer period,
 * withdrawal in court without a ruling) replay through the current machine.
 */
import { expect } from 'chai';
import type { Actor } from '../../../shared/machine/caseEvents.js';
import { applyCaseEvent, caseStage } from '../../../shared/machine/machineApi.js';
import { CASE_MACHINE_VERSION } from '../../../shared/machine/machine.js';
import type { CaseEventDoc } from '../../../server/cases/caseEventModel.js';
import { foldCaseEvent, ReplayError } from '../../../server/cases/foldCaseEvent.js';
import type { CaseFoldState } from '../../../server/cases/projectCase.js';
import { ACTORS, caseInput, day } from '../../shared/machine/machineFixtures.js';

type Step = [type: string, actor: Actor, data: Record<string, unknown>, at: string];

/** A log of version `version`: FILED, then the transitions. */
function log(version: number, steps: Step[]): CaseEventDoc[] {
  const input = caseInput({ caseId: 'legacy-1' });
  const created = {
    _id: 'legacy-1:1',
    caseId: 'legacy-1',
    seq: 1,
    kind: 'created',
    type: 'FILED',
    at: new Date(input.filedAt),
    actor: ACTORS.complainant,
    data: {
      input,
      caseNo: 'SF-1',
      complaint: {},
      complainantName: 'A',
      triage: {},
      recommendation: {},
      flags: {},
    },
    status: 'screening',
    stage: 'screening',
    machineVersion: version,
    prevHash: '',
    hash: 'h1',
  } as unknown as CaseEventDoc;
  return [
    created,
    ...steps.map(
      ([type, actor, data, at], i) =>
        ({
          ...created,
          _id: `legacy-1:${i + 2}`,
          seq: i + 2,
          kind: 'transition',
          type,
          actor,
          data,
          at: new Date(at),
          hash: `h${i + 2}`,
        }) as CaseEventDoc,
    ),
  ];
}

const replay = (events: CaseEventDoc[]) =>
  events.reduce<CaseFoldState | undefined>((state, ev) => foldCaseEvent(state, ev), undefined);

const toTrial: Step[] = [
  ['ACCEPT', ACTORS.admin, {}, day(1)],
  ['ROUTE', ACTORS.admin, { channel: 'judicial', reason: 'suit' }, day(1)],
  ['START_TRIAL', ACTORS.court, {}, day(2)],
];
const judgedThenCompliance: Step[] = [
  ...toTrial,
  ['RENDER_JUDGMENT', ACTORS.court, { infringement: true, damagesCny: 1000 }, day(50)],
  ['OPEN_COMPLIANCE', ACTORS.court, {}, day(51)],
];

describe('replaying a version-1 log through the current machine', function () {
  it('is a newer machine', function () {
    expect(CASE_MACHINE_VERSION).to.be.greaterThan(1);
  });

  it('bridges a trial started during the answer period and a judgment followed directly by compliance', function () {
    const state = replay(log(1, judgedThenCompliance));
    expect(caseStage(state!.snapshot)).to.equal('compliance.monitoring');
    expect(state!.snapshot.context.court?.finalAt).to.equal(day(51));
    expect(state!.snapshot.context.outcome).to.include({ kind: 'judged', infringementFound: true });
  });

  it('bridges a judgment followed directly by CLOSE', function () {
    const state = replay(
      log(1, [
        ...toTrial,
        ['RENDER_JUDGMENT', ACTORS.court, { infringement: false }, day(50)],
        ['CLOSE', ACTORS.court, {}, day(52)],
      ]),
    );
    expect(state!.snapshot.context.closureReason).to.equal('judged');
  });

  it('closes a version-1 withdrawal in court at once, as it did', function () {
    const state = replay(log(1, [...toTrial, ['WITHDRAW', ACTORS.complainant, {}, day(5)]]));
    expect(state!.snapshot.context.closureReason).to.equal('withdrawn');
  });

  it('does not bridge current-version events', function () {
    expect(() => replay(log(CASE_MACHINE_VERSION, judgedThenCompliance))).to.throw(ReplayError);
    const state = replay(
      log(CASE_MACHINE_VERSION, [...toTrial.slice(0, 2), ['WITHDRAW', ACTORS.complainant, {}, day(5)]]),
    );
    expect(caseStage(state!.snapshot)).to.equal('inChannel.judicial.filed.awaitingAnswer');
  });
});

describe('folding a live transition with the snapshot the machine gave', function () {
  it('takes that snapshot instead of running the machine again, with the same state as a replay', function () {
    const events = log(CASE_MACHINE_VERSION, [
      ['ACCEPT', ACTORS.admin, {}, day(1)],
      ['ROUTE', ACTORS.admin, { channel: 'judicial', reason: 'suit' }, day(1)],
    ]);
    const before = replay(events.slice(0, -1)) as CaseFoldState;
    const last = events.at(-1) as CaseEventDoc;
    const res = applyCaseEvent(before.snapshot, {
      type: 'ROUTE',
      actor: ACTORS.admin,
      at: day(1),
      channel: 'judicial',
      reason: 'suit',
    } as Parameters<typeof applyCaseEvent>[1]);
    expect(res.accepted).to.equal(true);
    if (!res.accepted) return;
    const live = foldCaseEvent(before, last, res.snapshot);
    expect(live.snapshot).to.equal(res.snapshot);
    const replayed = foldCaseEvent(before, last);
    expect(replayed.snapshot).not.to.equal(res.snapshot);
    expect(caseStage(live.snapshot)).to.equal(caseStage(replayed.snapshot));
    expect(JSON.stringify(live.snapshot.context)).to.equal(JSON.stringify(replayed.snapshot.context));
    expect(caseStage(live.snapshot)).to.match(/^inChannel\.judicial/);
    expect({ ...live, snapshot: null }).to.deep.equal({ ...replayed, snapshot: null });
  });
});
