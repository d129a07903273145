import { expect } from 'chai';
import type { CaseEvent } from '../../../shared/machine/caseEvents.js';
import {
  applyCaseEvent,
  caseStage,
  initialCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import { migrateLegacyEvent } from '../../../server/cases/migrateLegacyEvent.js';
import { IDS, caseInput, day, ev, run, served } from '../../shared/machine/machineFixtures.js';

function replay(snapshot: CaseSnapshot, event: CaseEvent, version: number): CaseSnapshot {
  let s = snapshot;
  for (const e of migrateLegacyEvent(s, event, version)) {
    const res = applyCaseEvent(s, e);
    expect(res.accepted, `${e.type} by ${e.actor.id}`).to.equal(true);
    s = res.snapshot;
  }
  return s;
}

describe('replaying a machine-version-1 log through version 2', () => {
  const accepted = () =>
    run(initialCaseSnapshot(caseInput()), [
      ev('ACCEPT', 'admin', {}),
      ev('ROUTE', 'admin', { channel: 'mediation', reason: 'desk' }),
      served(),
      ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }),
      ev('ACCEPT_ASSIGNMENT', 'mediator', {}),
    ]);

  it('one party’s v1 application stands for the joint application', () => {
    const signed = run(accepted(), [
      ev('CONSENT', 'respondent', {}),
      ev('PROPOSE_AGREEMENT', 'mediator', { terms: 't' }),
      ev('SIGN_AGREEMENT', 'complainant', {}),
      ev('SIGN_AGREEMENT', 'respondent', {}),
    ]);
    const application = ev('REQUEST_CONFIRMATION', 'complainant', {}, day(3));
    expect(caseStage(replay(signed, application, 1))).to.equal('inChannel.mediation.awaitingConfirmation');
    expect(caseStage(replay(signed, application, 2))).to.equal('inChannel.mediation.signed');
  });

  it('a v1 answer-clock deadline while awaiting consent is the consent deadline', () => {
    const deadline = ev('DEADLINE', 'system', { clock: 'respondentAnswer' }, day(20));
    expect(caseStage(replay(accepted(), deadline, 1))).to.equal('inChannel.mediation.failed');
    expect(applyCaseEvent(accepted(), deadline).accepted).to.equal(false);
  });
});
