import { expect } from 'chai';
import { translator } from '../../support/translator.js';
import type { CaseEventView } from '../../../shared/api/views.js';
import { eventLine } from '../../../client/src/cases/eventSentence.js';

const parties = {
  complainant: { id: 'u-holder', name: 'Lin Wei' },
  respondent: { id: 'u-resp', name: '深圳明道贸易有限公司' },
};

/** An event as the API gives it. */
const event = (
  type: string,
  data: Record<string, unknown>,
  tags: CaseEventView['tags'] = [],
): CaseEventView => ({
  seq: 5,
  type,
  kind: 'transition',
  at: '2026-12-03T00:20:00.000Z',
  actor: { id: 'u-court', role: 'court' },
  data,
  status: 'inChannel',
  stage: 'inChannel.judicial.trial.ordinaryTrial',
  tags,
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
});

/** The timeline's sentences: hearings worded as hearings, codes never quoted as text. */
describe('timeline sentences', () => {
  it('words a session scheduled at a hearing stage as a hearing (开庭), and a mediation session as one', async () => {
    const zh = await translator('zh-CN');
    const at = { sessionAt: '2026-12-13T01:30:00.000Z' };
    const hearing = eventLine(event('SCHEDULE_SESSION', at, ['hearing']), parties, 'u-holder', zh, 'zh-CN');
    expect(hearing.sentence).to.match(/安排了开庭：2026年12月13日 09:30/);
    const session = eventLine(event('SCHEDULE_SESSION', at), parties, 'u-holder', zh, 'zh-CN');
    expect(session.sentence).to.contain('安排了调解会议');
    const enT = await translator('en');
    const recorded = eventLine(
      event('RECORD_SESSION', { notes: 'heard' }, ['hearing']),
      parties,
      'x',
      enT,
      'en',
    );
    expect(recorded.sentence).to.contain('recorded a hearing');
    expect(recorded.detail).to.equal('heard');
  });

  it('does not quote an invitation’s reason code; a resent invitation says so', async () => {
    const zh = await translator('zh-CN');
    const sent = eventLine(
      event('INVITATION_SENT', { reason: 'routed', expiresAt: '2026-12-17T00:20:00.000Z' }),
      parties,
      'u-holder',
      zh,
      'zh-CN',
    );
    expect(sent.detail).to.equal(undefined);
    expect(sent.sentence).to.contain('已向被请求人发送案件邀请链接');
    const resent = eventLine(
      event('INVITATION_SENT', { reason: 'resent', expiresAt: '2026-12-17T00:20:00.000Z' }),
      parties,
      'u-holder',
      zh,
      'zh-CN',
    );
    expect(resent.sentence).to.contain('重新发送');
    expect(resent.detail).to.equal(undefined);
  });
});
