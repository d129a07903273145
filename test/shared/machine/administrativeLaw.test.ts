/**
 * Issue 14: the administrative, e-commerce, arbitration and routing procedures as the law runs them,
 * walked through the machine path by path (each path names its legal source).
 */
import { expect } from 'chai';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import type { Actor, CaseEvent } from '../../../shared/machine/caseEvents.js';
import { caseMachine } from '../../../shared/machine/machine.js';
import {
  activeClocks,
  applyCaseEvent,
  availableActions,
  caseStage,
  caseStatus,
  initialCaseSnapshot,
  persistCaseSnapshot,
  restoreCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import type { Channel, Track } from '../../../shared/vocabulary.js';
import { ACTORS, IDS, caseInput, day, ev, expectRefused, run } from './machineFixtures.js';

function routed(channel: Channel, overrides: Partial<CaseInput> = {}, track?: Track): CaseSnapshot {
  return run(initialCaseSnapshot(caseInput(overrides)), [
    ev('ACCEPT', 'admin', {}),
    ev('ROUTE', 'admin', { channel, reason: 'chosen by the desk', ...(track ? { track } : {}) }),
  ]);
}

/** An e-commerce case whose protection center found infringement and ordered the takedown (day 8). */
function takenDown(ipType: CaseInput['ipType'] = 'designPatent'): CaseSnapshot {
  return run(routed('administrative', { ipType, ecommerce: true }, 'fast'), [
    ev('ACCEPT', 'center', {}),
    ev('ASSIGN_INVESTIGATOR', 'center', { investigatorId: IDS.investigator }),
    ev('SUBMIT_TECH_REPORT', 'investigator', { summary: 'identical design', match: true }),
    ev('DETERMINE', 'center', { infringement: true, remedy: 'takedown' }, day(8)),
  ]);
}

const clockIds = (s: CaseSnapshot) => activeClocks(s).map((c) => c.clock);
const roundTrip = (s: CaseSnapshot) =>
  restoreCaseSnapshot(JSON.parse(JSON.stringify(persistCaseSnapshot(s))));

describe('procedures as the law runs them (issue 14)', function () {
  describe('e-commerce notice and counter-notice after a determination (E-Commerce Law arts. 42–45)', function () {
    it('runs the 15 days from the counter-notice reaching the rights holder, not from its filing', function () {
      let s = run(takenDown(), [ev('COUNTER_NOTICE', 'respondent', { statement: 'my own design' }, day(9))]);
      expect(caseStage(s)).to.equal('inChannel.administrative.fastTrack.remedy.counterNoticed');
      expect(clockIds(s)).to.deep.equal([]);
      expect(s.context.counterNotice).to.deep.equal({ statement: 'my own design', filedAt: day(9) });
      expectRefused(s, ev('FORWARD_COUNTER_NOTICE', 'respondent', {}, day(12)));
      s = roundTrip(run(s, [ev('FORWARD_COUNTER_NOTICE', 'center', {}, day(12))]));
      expect(activeClocks(s)).to.deep.equal([{ clock: 'ecommerceRestore', startedAt: day(12) }]);
      expect(s.context.counterNotice?.receivedAt).to.equal(day(12));
      expectRefused(s, ev('FORWARD_COUNTER_NOTICE', 'center', {}, day(13)));
    });

    it('keeps the listing down when the period expires: the determination is the complaint of art. 43', function () {
      const s = run(takenDown(), [
        ev('COUNTER_NOTICE', 'respondent', { statement: 'my own design' }, day(9)),
        ev('FORWARD_COUNTER_NOTICE', 'center', {}, day(10)),
        ev('DEADLINE', 'system', { clock: 'ecommerceRestore' }, day(26)),
      ]);
      expect(caseStatus(s)).to.equal('resolved');
      expect(s.context.outcome).to.deep.include({ infringementFound: true, remedy: 'takedown' });
    });

    it('keeps the listing down in a case stored while the old restore clock ran from the filing', function () {
      const s = run(takenDown(), [ev('COUNTER_NOTICE', 'respondent', { statement: 'prior use' }, day(9))]);
      const old = caseMachine.resolveState({
        value: s.value,
        context: {
          ...s.context,
          counterNotice: undefined,
          clocks: { ecommerceRestore: { startedAt: day(9) } },
        },
      });
      const expired = run(old, [ev('DEADLINE', 'system', { clock: 'ecommerceRestore' }, day(24))]);
      expect(caseStatus(expired)).to.equal('resolved');
      expect(expired.context.outcome).to.deep.include({ remedy: 'takedown' });
      expect(clockIds(expired)).to.deep.equal([]);
    });

    it('labels the rights holder’s step for what it is: a notice of a complaint or lawsuit', function () {
      const s = run(takenDown(), [
        ev('COUNTER_NOTICE', 'respondent', { statement: 'prior use' }, day(9)),
        ev('FORWARD_COUNTER_NOTICE', 'center', {}, day(10)),
      ]);
      expect(availableActions(s, ACTORS.complainant, day(11))).to.deep.equal(['NOTIFY_COMPLAINT']);
      expectRefused(s, ev('NOTIFY_COMPLAINT', 'complainant', { forum: 'court', reference: '  ' }));
      const notified = run(s, [
        ev('NOTIFY_COMPLAINT', 'complainant', { forum: 'court', reference: '(2024)京73民初1号' }, day(11)),
      ]);
      expect(notified.context.complaintNotice).to.deep.equal({
        forum: 'court',
        reference: '(2024)京73民初1号',
        at: day(11),
      });
      expect(notified.context.outcome).to.deep.include({ remedy: 'takedown' });
    });
  });

  describe('remedies per IP type (Patent Law art. 65; Trademark Law art. 60)', function () {
    function determination(ipType: CaseInput['ipType']): CaseSnapshot {
      return run(routed('administrative', { ipType }), [ev('ACCEPT', 'enforcement', {}, day(2))]);
    }

    it('lets an authority confiscate and fine for a trademark, not for a patent', function () {
      for (const ipType of ['inventionPatent', 'utilityModel', 'designPatent'] as const) {
        expectRefused(
          determination(ipType),
          ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'confiscateAndFine' }),
        );
        run(determination(ipType), [ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'cease' })]);
      }
      const s = run(determination('trademark'), [
        ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'confiscateAndFine' }),
      ]);
      expect(s.context.outcome).to.deep.include({ infringementFound: true, remedy: 'confiscateAndFine' });
      expectRefused(
        determination('trademark'),
        ev('DETERMINE', 'enforcement', { infringement: false, remedy: 'confiscateAndFine' }),
      );
    });
  });

  describe('administrative clocks: trademark cases and patent adjudication', function () {
    it('runs the SAMR 90-day clock for a trademark (+30 days once), the patent clock for a patent', function () {
      let s = run(routed('administrative', { ipType: 'trademark' }), [
        ev('ACCEPT', 'enforcement', {}, day(2)),
      ]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'trademarkAdminCase', startedAt: day(2) }]);
      expectRefused(s, ev('REQUEST_EXTENSION', 'enforcement', { days: 30 }));
      s = run(s, [ev('REQUEST_EXTENSION', 'enforcement', {})]);
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'trademarkAdminCase', startedAt: day(2), extension: { amount: 30, unit: 'days' } },
      ]);
      expectRefused(s, ev('REQUEST_EXTENSION', 'enforcement', {}));
      // patent adjudication keeps its own 3 + 1 month clock
      let patent = run(routed('administrative', { ipType: 'utilityModel' }), [
        ev('ACCEPT', 'enforcement', {}, day(2)),
      ]);
      expect(clockIds(patent)).to.deep.equal(['adminAdjudication']);
      patent = run(patent, [ev('REQUEST_EXTENSION', 'enforcement', {})]);
      expect(activeClocks(patent)[0]?.extension).to.deep.equal({ amount: 1, unit: 'months' });
    });
  });

  describe('arbitration needs an arbitration agreement (Arbitration Law arts. 4, 16, 31)', function () {
    it('refuses to route or transfer to arbitration without one, whatever the reason given', function () {
      const ready = run(initialCaseSnapshot(caseInput()), [ev('ACCEPT', 'admin', {})]);
      expectRefused(ready, ev('ROUTE', 'admin', { channel: 'arbitration', reason: 'faster' }));
      // a route an earlier machine version accepted still replays from the log
      const legacy = { ...ev('ROUTE', 'admin', { channel: 'arbitration', reason: 'x' }), machineVersion: 1 };
      expect(applyCaseEvent(ready, legacy as CaseEvent).accepted).to.equal(true);
      expect(availableActions(ready, ACTORS.respondent, day(1))).to.deep.equal(['AGREE_TO_ARBITRATE']);
      const judicial = routed('judicial');
      expectRefused(judicial, ev('TRANSFER', 'court', { channel: 'arbitration', reason: 'clause' }));
      const agreed = run(judicial, [ev('AGREE_TO_ARBITRATE', 'respondent', { note: 'agreed' }, day(3))]);
      expect(agreed.context.arbitrationAgreement).to.deep.equal({ source: 'respondent', at: day(3) });
      const moved = run(agreed, [ev('TRANSFER', 'court', { channel: 'arbitration', reason: 'both agree' })]);
      expect(caseStage(moved)).to.equal('inChannel.arbitration.tribunalConstitution');
      expectRefused(moved, ev('AGREE_TO_ARBITRATE', 'respondent', {}));
    });

    it('routes to arbitration when the complaint records the agreement', function () {
      const s = routed('arbitration', { arbitrationAgreement: true });
      expect(s.context.arbitrationAgreement).to.deep.include({ source: 'complaint' });
    });

    it('lets the parties jointly choose the sole arbitrator of expedited arbitration', function () {
      let s = routed('arbitration', { arbitrationAgreement: true }, 'simple');
      expect(s.context.arbitrationVariant).to.equal('expedited');
      expectRefused(s, ev('APPOINT_ARBITRATOR', 'arbitrationOrg', { arbitratorId: IDS.arbitrator2 }, day(2)));
      expectRefused(s, ev('NOMINATE_ARBITRATOR', 'complainant', {}));
      expectRefused(s, ev('NOMINATE_ARBITRATOR', 'mediator', { arbitratorId: IDS.arbitrator }));
      s = run(s, [ev('NOMINATE_ARBITRATOR', 'complainant', { arbitratorId: IDS.arbitrator })]);
      expect(caseStage(s)).to.equal('inChannel.arbitration.tribunalConstitution');
      s = run(s, [ev('NOMINATE_ARBITRATOR', 'respondent', { arbitratorId: IDS.arbitrator })]);
      expect(caseStage(s)).to.equal('inChannel.arbitration.awaitingDeclaration');
      expect(s.context.arbitratorId).to.equal(IDS.arbitrator);
    });

    it('leaves the choice to the commission when the parties disagree or let 15 days pass', function () {
      const s = routed('arbitration', { arbitrationAgreement: true }, 'simple');
      const split = run(s, [
        ev('NOMINATE_ARBITRATOR', 'complainant', { arbitratorId: IDS.arbitrator }),
        ev('NOMINATE_ARBITRATOR', 'respondent', { arbitratorId: IDS.arbitrator2 }),
      ]);
      run(split, [ev('APPOINT_ARBITRATOR', 'arbitrationOrg', { arbitratorId: IDS.arbitrator2 }, day(2))]);
      run(s, [ev('APPOINT_ARBITRATOR', 'arbitrationOrg', { arbitratorId: IDS.arbitrator2 }, day(17))]);
    });
  });

  describe('summary procedure only where a basic court may hear the case (法释〔2022〕13号)', function () {
    const trial = (ipType: CaseInput['ipType']) =>
      caseStage(
        run(routed('judicial', { ipType }, 'simple'), [
          ev('RESPOND', 'respondent', { answer: 'no infringement' }),
          ev('START_TRIAL', 'court', {}),
        ]),
      );

    it('tries a simple patent case in ordinary procedure, a simple trademark case summarily', function () {
      for (const ipType of ['inventionPatent', 'utilityModel', 'designPatent'] as const)
        expect(trial(ipType), ipType).to.equal('inChannel.judicial.trial.ordinaryTrial');
      expect(trial('trademark')).to.equal('inChannel.judicial.trial.summaryTrial');
    });
  });

  describe('hand-over within a channel', function () {
    it('lets the handler or an admin hand the case over with a reason, nobody else', function () {
      const s = routed('administrative', { ecommerce: true }, 'fast');
      const other: Actor = { id: 'u-other', role: 'officer', orgId: 'org-x', orgType: 'administrative' };
      expectRefused(s, ev('HAND_OVER', other, { orgId: 'org-pc-beijing', reason: 'capacity' }));
      expectRefused(s, ev('HAND_OVER', 'center', { orgId: 'org-pc-beijing', reason: ' ' }));
      expectRefused(s, ev('HAND_OVER', 'respondent', { orgId: 'org-pc-beijing', reason: 'capacity' }));
      const moved = run(s, [
        ev('HAND_OVER', 'center', { orgId: 'org-pc-beijing', reason: 'no examiner free' }, day(2)),
        ev('HAND_OVER', 'admin', { orgId: 'org-pc-zgc', reason: 'back to the ZGC center' }, day(3)),
      ]);
      expect(moved.value).to.deep.equal(s.value);
      expect(moved.context.handovers).to.deep.equal([
        { orgId: 'org-pc-beijing', reason: 'no examiner free', at: day(2) },
        { orgId: 'org-pc-zgc', reason: 'back to the ZGC center', at: day(3) },
      ]);
    });
  });
});
