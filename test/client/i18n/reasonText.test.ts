import { expect } from 'chai';
import { reasonText } from '../../../client/src/i18n/labels.js';
import { triage } from '../../../shared/intake/triage.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';

/** A complaint claiming `amountCny`. */
const claiming = (amountCny: number): Complaint => ({
  title: 'Tea mark',
  description: 'The seller sells counterfeit tea under our mark.',
  ipType: 'trademark',
  rights: [{ number: 'TM 1' }],
  complainant: { name: 'A', type: 'enterprise', sme: true },
  respondent: { name: 'B', type: 'enterprise' },
  claim: { amountCny, remedies: ['cease', 'damages'] },
  consents: { mediation: true, arbitrationAgreement: false },
  foreignRelated: false,
  injunctionRequested: false,
  evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: true },
});

describe('reasonText: a reason in Chinese, filled with the English sentence’s numbers', () => {
  it('takes the amounts without the comma that follows them in the English sentence', () => {
    for (const amount of [1_000, 200_000, 3_000_000]) {
      const reason = triage(claiming(amount), { now: new Date('2026-05-04T02:00:00Z') }).reasons.find((r) =>
        r.code.startsWith('amount.'),
      );
      expect(reason, `amount ${amount}`).to.not.equal(undefined);
      const zh = reasonText(reason!, 'zh-CN');
      expect(zh, zh).not.to.match(/,，|,）|\d,(?!\d{3})/);
      expect(zh).to.contain(`¥${amount.toLocaleString('en-US')}`);
    }
  });
});
