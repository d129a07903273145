import { expect } from 'chai';
import { sessionScheduledMail } from '../../../server/mail/templates/sessionScheduledMail.js';

/** The mail of a scheduled session names what it is: a mediation session or a hearing, in Beijing time. */
describe('session scheduled mail', () => {
  const data = {
    publicUrl: 'https://sevenfold.example',
    caseId: 'c1',
    caseNo: 'SF-2026-000123',
    title: '泵专利',
    name: '钱浩',
    sessionAt: '2026-12-21T01:30:00.000Z',
  };

  it('calls a mediation session a session (调解会议) at its Beijing time', () => {
    const zh = sessionScheduledMail(data, 'zh-CN');
    expect(zh.subject).to.equal(
      '【Sevenfold】SF-2026-000123：调解会议已安排在 2026年12月21日星期一 09:30（北京时间）',
    );
    expect(sessionScheduledMail(data, 'en').subject).to.match(
      /session scheduled for Monday, December 21, 2026 at 9:30 AM \(Beijing time\)$/,
    );
  });

  it('calls a hearing a hearing (开庭) in both languages', () => {
    const zh = sessionScheduledMail({ ...data, hearing: true }, 'zh-CN');
    expect(zh.subject).to.contain('开庭已安排在 2026年12月21日');
    expect(zh.text).to.contain('案件 SF-2026-000123（泵专利）的开庭已安排在').and.contain('该庭审的日历邀请');
    expect(zh.text).to.not.contain('调解');
    const en = sessionScheduledMail({ ...data, hearing: true }, 'en');
    expect(en.subject).to.contain('SF-2026-000123: hearing scheduled for');
    expect(en.text).to.contain('A hearing of case SF-2026-000123');
  });
});
