/**
 * The court procedure as the Civil Procedure Law (2023 numbering) runs it: the appeal window after
 * judgment (arts. 171, 286), withdrawal by the court's ruling (art. 148), no trial during the answer
 * period (art. 128), hearings notified three days ahead (art. 139), trial periods counted from filing with their extensions (arts. 152, 164).
 */
import { expect } from 'chai';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import type { Track } from '../../../shared/vocabulary.js';
import { computeDueAt } from '../../../shared/time/clocks.js';
import {
  activeClocks,
  availableActions,
  caseStage,
  caseStatus,
  initialCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import { ACTORS, caseInput, day, ev, expectRefused, run, served } from './machineFixtures.js';

function inCourt(track: Track = 'ordinary', overrides: Partial<CaseInput> = {}): CaseSnapshot {
  // a trademark dispute: a basic court may try it summarily (a patent one goes to ordinary procedure)
  return run(initialCaseSnapshot(caseInput({ ipType: 'trademark', ...overrides })), [
    ev('ACCEPT', 'admin', {}, day(0)),
    ev('ROUTE', 'admin', { channel: 'judicial', track, reason: 'suit' }, day(1)),
    served(),
  ]);
}

function judged(partiesWithoutDomicile?: ('complainant' | 'respondent')[]): CaseSnapshot {
  return run(inCourt(), [
    ev('RESPOND', 'respondent', { answer: 'prior art' }, day(5)),
    ev('START_TRIAL', 'court', {}, day(6)),
    ev(
      'RENDER_JUDGMENT',
      'court',
      {
        infringement: true,
        damagesCny: 50_000,
        ...(partiesWithoutDomicile ? { partiesWithoutDomicile } : {}),
      },
      day(60),
    ),
  ]);
}

describe('court procedure (CPL 2023)', function () {
  describe('appeal window (arts. 171, 286)', function () {
    it('opens a 15-day window after judgment instead of resolving at once', function () {
      const s = judged();
      expect(caseStage(s)).to.equal('inChannel.appealWindow');
      expect(caseStatus(s)).to.equal('inChannel');
      expect(activeClocks(s)).to.deep.equal([{ clock: 'appealPeriod', startedAt: day(60) }]);
      expect(availableActions(s, ACTORS.court, day(61))).to.deep.equal([]);
      expect(availableActions(s, ACTORS.respondent, day(61))).to.deep.equal(['APPEAL']);
      expect(availableActions(s, ACTORS.complainant, day(61))).to.deep.equal(['APPEAL']);
      expectRefused(s, ev('OPEN_COMPLIANCE', 'court', {}, day(61)));
    });

    it('makes the judgment final when the window passes unappealed: then compliance', function () {
      let s = run(judged(), [ev('DEADLINE', 'system', { clock: 'appealPeriod' }, day(76))]);
      expect(caseStage(s)).to.equal('resolved');
      expect(s.context.court?.finalAt).to.equal(day(76));
      expect(activeClocks(s)).to.deep.equal([]);
      s = run(s, [ev('OPEN_COMPLIANCE', 'court', {}, day(77))]);
      expect(caseStage(s)).to.equal('compliance.monitoring');
    });

    it('closes an appealed case as appealed to the higher court, not judged, and not final', function () {
      const s = run(judged(), [ev('APPEAL', 'respondent', { reason: 'damages too high' }, day(70))]);
      expect(caseStatus(s)).to.equal('closed');
      expect(s.context.closureReason).to.equal('appealed');
      expect(s.context.court?.appeal).to.deep.equal({
        side: 'respondent',
        at: day(70),
        reason: 'damages too high',
      });
      expect(s.context.court?.finalAt).to.equal(null);
    });

    it('refuses an appeal after the party’s own period, and from a non-party', function () {
      const due = computeDueAt('appealPeriod', day(60));
      const late = new Date(Date.parse(due) + 1).toISOString();
      expectRefused(judged(), ev('APPEAL', 'respondent', {}, late));
      expectRefused(judged(), ev('APPEAL', 'court', {}, day(61)));
      run(judged(), [ev('APPEAL', 'complainant', {}, due)]);
    });

    it('gives a party without domicile in China 30 days, and keeps the other party to 15', function () {
      const s = judged(['respondent']);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'appealPeriodForeign', startedAt: day(60) }]);
      const after15 = new Date(Date.parse(computeDueAt('appealPeriod', day(60))) + 1).toISOString();
      expectRefused(s, ev('APPEAL', 'complainant', {}, after15));
      expectRefused(s, ev('DEADLINE', 'system', { clock: 'appealPeriod' }, after15));
      run(s, [ev('APPEAL', 'respondent', {}, after15)]);
      expect(
        caseStage(run(s, [ev('DEADLINE', 'system', { clock: 'appealPeriodForeign' }, day(91))])),
      ).to.equal('resolved');
    });
  });

  describe('withdrawal in court (art. 148)', function () {
    const trial = () =>
      run(inCourt(), [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(3)),
        ev('START_TRIAL', 'court', {}, day(4)),
      ]);

    it('is an application the court rules on: permitted, the case closes as withdrawn', function () {
      expectRefused(trial(), ev('PERMIT_WITHDRAWAL', 'court', {}, day(9)));
      expectRefused(trial(), ev('REFUSE_WITHDRAWAL', 'court', { reason: 'x' }, day(9)));
      let s = run(trial(), [ev('WITHDRAW', 'complainant', { reason: 'settled' }, day(10))]);
      expect(caseStage(s)).to.equal('inChannel.judicial.trial.ordinaryTrial');
      expect(s.context.court?.withdrawal).to.deep.equal({ at: day(10), reason: 'settled' });
      expectRefused(s, ev('WITHDRAW', 'complainant', {}, day(11)));
      expectRefused(s, ev('PERMIT_WITHDRAWAL', 'complainant', {}, day(11)));
      s = run(s, [ev('PERMIT_WITHDRAWAL', 'court', {}, day(12))]);
      expect(caseStatus(s)).to.equal('closed');
      expect(s.context.closureReason).to.equal('withdrawn');
    });

    it('refused (with a reason), the trial continues to judgment', function () {
      let s = run(trial(), [ev('WITHDRAW', 'complainant', {}, day(10))]);
      expectRefused(s, ev('REFUSE_WITHDRAWAL', 'court', { reason: ' ' }, day(11)));
      s = run(s, [ev('REFUSE_WITHDRAWAL', 'court', { reason: 'harms the public interest' }, day(11))]);
      expect(caseStage(s)).to.equal('inChannel.judicial.trial.ordinaryTrial');
      expect(s.context.court?.withdrawal).to.equal(null);
      s = run(s, [ev('RENDER_JUDGMENT', 'court', { infringement: false }, day(30))]);
      expect(caseStage(s)).to.equal('inChannel.appealWindow');
    });
  });

  describe('answer period before trial (art. 128)', function () {
    const unserved = () =>
      run(initialCaseSnapshot(caseInput({ ipType: 'trademark' })), [
        ev('ACCEPT', 'admin', {}, day(0)),
        ev('ROUTE', 'admin', { channel: 'judicial', track: 'ordinary', reason: 'suit' }, day(1)),
      ]);

    it('runs from service, not from the case entering court (machine version 3)', function () {
      const s = unserved();
      expect(activeClocks(s).map((c) => c.clock)).to.deep.equal(['ordinaryTrial']);
      expect(s.context.awaitingService).to.deep.equal({ respondentAnswer: day(1) });
      expectRefused(s, ev('DEADLINE', 'system', { clock: 'respondentAnswer' }, day(30)));
      // served by post on day 3, recorded on day 5: the period counts from day 3
      expectRefused(s, ev('SERVE', 'complainant', { means: 'post', servedAt: day(3) }, day(5)));
      expectRefused(s, ev('SERVE', 'system', { means: 'post', servedAt: day(6) }, day(5)));
      const served3 = run(s, [ev('SERVE', 'admin', { means: 'post', servedAt: day(3) }, day(5))]);
      expect(activeClocks(served3)).to.deep.include({ clock: 'respondentAnswer', startedAt: day(3) });
      expect(served3.context.awaitingService).to.deep.equal({});
      expectRefused(served3, ev('SERVE', 'admin', { means: 'inPerson', servedAt: day(4) }, day(6)));
      // staff record other means only; `link` is the platform's record of a claimed invitation
      expectRefused(s, ev('SERVE', 'admin', { means: 'link', servedAt: day(3) }, day(5)));
    });

    it('replays a version-2 log with the answer period from the case entering court', function () {
      const v2 = <T extends { machineVersion?: number }>(e: T): T => ({ ...e, machineVersion: 2 });
      const s = run(initialCaseSnapshot(caseInput({ ipType: 'trademark' })), [
        v2(ev('ACCEPT', 'admin', {}, day(0))),
        v2(ev('ROUTE', 'admin', { channel: 'judicial', track: 'ordinary', reason: 'suit' }, day(1))),
      ]);
      expect(activeClocks(s)).to.deep.include({ clock: 'respondentAnswer', startedAt: day(1) });
    });

    it('refuses trial and entrusted mediation while the answer period runs, allows them after', function () {
      const s = inCourt();
      expect(caseStage(s)).to.equal('inChannel.judicial.filed.awaitingAnswer');
      expectRefused(s, ev('START_TRIAL', 'court', {}, day(2)));
      expectRefused(s, ev('ENTRUST_MEDIATION', 'court', {}, day(2)));
      // once the respondent answers, or once the period is over
      run(inCourt(), [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(2)),
        ev('START_TRIAL', 'court', {}, day(3)),
      ]);
      const after = run(inCourt(), [
        ev('DEADLINE', 'system', { clock: 'respondentAnswer' }, day(17)),
        ev('START_TRIAL', 'court', {}, day(18)),
      ]);
      expect(caseStage(after)).to.equal('inChannel.judicial.trial.ordinaryTrial');
    });
  });

  describe('hearings (art. 139)', function () {
    it('lets the court set a hearing three days or more after its notice, and record it; not sooner, not a party', function () {
      const trial = run(inCourt(), [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(5)),
        ev('START_TRIAL', 'court', {}, day(6)),
      ]);
      expect(trial.hasTag('hearing')).to.equal(true);
      expectRefused(trial, ev('SCHEDULE_SESSION', 'court', { sessionAt: day(8) }, day(6)));
      expectRefused(trial, ev('SCHEDULE_SESSION', 'complainant', { sessionAt: day(20) }, day(6)));
      const set = run(trial, [
        ev('SCHEDULE_SESSION', 'court', { sessionAt: day(9) }, day(6)),
        ev('RECORD_SESSION', 'court', { notes: 'heard' }, day(9)),
      ]);
      expect(set.context.sessions.map((x) => x.at)).to.deep.equal([day(9), day(9)]);
      // entrusted mediation is not a hearing
      const entrusted = run(inCourt(), [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(5)),
        ev('ENTRUST_MEDIATION', 'court', {}, day(6)),
      ]);
      expect(entrusted.hasTag('hearing')).to.equal(false);
    });
  });

  describe('trial periods from filing (arts. 152, 164)', function () {
    it('starts the trial clock at filing in court and keeps it through the trial', function () {
      const s = inCourt('simple');
      expect(activeClocks(s).find((c) => c.clock === 'summaryTrial')).to.deep.equal({
        clock: 'summaryTrial',
        startedAt: day(1),
      });
      const tried = run(s, [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(5)),
        ev('START_TRIAL', 'court', {}, day(40)),
      ]);
      expect(activeClocks(tried)).to.deep.equal([{ clock: 'summaryTrial', startedAt: day(1) }]);
    });

    it('does not restart on conversion: the ordinary 6 months count from filing', function () {
      const s = run(inCourt('simple'), [
        ev('RESPOND', 'respondent', { answer: 'x' }, day(5)),
        ev('START_TRIAL', 'court', {}, day(6)),
        ev('EXTEND_TRIAL', 'court', { months: 1, approvedBy: 'president', reason: 'expert' }, day(80)),
        ev('CONVERT_TO_ORDINARY', 'court', { reason: 'complex' }, day(85)),
      ]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'ordinaryTrial', startedAt: day(1) }]);
      expect(s.context.court?.trialExtensions).to.deep.equal([]);
    });

    it('summary: the president extends once by at most 1 month; no higher-court extension', function () {
      const s = run(inCourt('simple'), [ev('RESPOND', 'respondent', { answer: 'x' }, day(2))]);
      expectRefused(s, ev('EXTEND_TRIAL', 'court', { months: 2, approvedBy: 'president', reason: 'r' }));
      expectRefused(s, ev('EXTEND_TRIAL', 'court', { months: 1, approvedBy: 'higherCourt', reason: 'r' }));
      expectRefused(s, ev('EXTEND_TRIAL', 'respondent', { months: 1, approvedBy: 'president', reason: 'r' }));
      const extended = run(s, [
        ev('EXTEND_TRIAL', 'court', { months: 1, approvedBy: 'president', reason: 'r' }),
      ]);
      expect(activeClocks(extended)).to.deep.equal([
        { clock: 'summaryTrial', startedAt: day(1), extension: { amount: 1, unit: 'months' } },
      ]);
      expectRefused(
        extended,
        ev('EXTEND_TRIAL', 'court', { months: 1, approvedBy: 'president', reason: 'r' }),
      );
    });

    it('ordinary: the president up to 6 months, then the higher court, 12 months in all', function () {
      const s = inCourt('ordinary');
      expectRefused(s, ev('EXTEND_TRIAL', 'court', { months: 6, approvedBy: 'higherCourt', reason: 'r' }));
      expectRefused(s, ev('EXTEND_TRIAL', 'court', { months: 7, approvedBy: 'president', reason: 'r' }));
      const byPresident = run(s, [
        ev('EXTEND_TRIAL', 'admin', { months: 6, approvedBy: 'president', reason: 'r' }),
      ]);
      const byHigher = run(byPresident, [
        ev('EXTEND_TRIAL', 'court', { months: 4, approvedBy: 'higherCourt', reason: 'r' }),
        ev('EXTEND_TRIAL', 'court', { months: 2, approvedBy: 'higherCourt', reason: 'r' }),
      ]);
      expect(activeClocks(byHigher)[1]?.extension ?? activeClocks(byHigher)[0]?.extension).to.deep.equal({
        amount: 12,
        unit: 'months',
      });
      expectRefused(
        byHigher,
        ev('EXTEND_TRIAL', 'court', { months: 1, approvedBy: 'higherCourt', reason: 'r' }),
      );
    });
  });
});
