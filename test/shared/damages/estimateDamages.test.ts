import { expect } from 'chai';
import { DAMAGES_LAW, estimateDamages } from '../../../shared/damages/estimateDamages.js';
import { IP_TYPES } from '../../../shared/vocabulary.js';

const codes = (e: ReturnType<typeof estimateDamages>) => e.steps.map((s) => s.code);

describe('damages estimate: the statutory order of methods (seed plan item 5)', () => {
  it('takes the actual loss first, then the infringer’s profits, then a licence-fee multiple', () => {
    const all = {
      ipType: 'inventionPatent' as const,
      actualLossCny: 800_000,
      infringerProfitCny: 1_200_000,
      licenceFeeCny: 100_000,
    };
    expect(estimateDamages(all)).to.include({ method: 'actualLoss', compensatoryCny: 800_000 });
    const noLoss = estimateDamages({ ...all, actualLossCny: undefined });
    expect(noLoss).to.include({ method: 'infringerProfit', compensatoryCny: 1_200_000 });
    const fee = estimateDamages({ ipType: 'trademark', licenceFeeCny: 100_000, licenceMultiple: 2 });
    expect(fee).to.include({ method: 'licenceFee', compensatoryCny: 200_000 });
    expect(fee.steps[0]).to.deep.include({
      basis: 'Trademark Law (2019) art. 63',
      params: { fee: 100_000, multiple: 2 },
    });
    // a multiple beyond what practice allows is held to 3
    expect(
      estimateDamages({ ipType: 'trademark', licenceFeeCny: 100_000, licenceMultiple: 9 }).compensatoryCny,
    ).to.equal(300_000);
  });

  it('falls back to statutory damages within each right’s range', () => {
    const patent = estimateDamages({ ipType: 'designPatent', statutoryCny: 10_000 });
    expect(patent).to.include({ method: 'statutory', compensatoryCny: 30_000 });
    expect(patent.steps[0]).to.deep.include({
      params: { min: 30_000, max: 5_000_000 },
      basis: 'Patent Law (2020) art. 71',
    });
    expect(estimateDamages({ ipType: 'copyright', statutoryCny: 9_000_000 }).compensatoryCny).to.equal(
      5_000_000,
    );
    expect(estimateDamages({ ipType: 'copyright' }).compensatoryCny).to.equal(500);
    // no statutory range for IC layouts: the estimate says a method is missing
    expect(codes(estimateDamages({ ipType: 'icLayout' }))).to.include('method.none');
  });

  it('adds punitive damages of 1–5 times the base only for wilful infringement in serious circumstances', () => {
    const base = { ipType: 'trademark' as const, actualLossCny: 100_000, punitiveMultiple: 3 };
    expect(estimateDamages(base)).to.include({ punitiveCny: 0 });
    expect(codes(estimateDamages(base))).to.include('punitive.notWilful');
    expect(codes(estimateDamages({ ...base, wilful: true }))).to.include('punitive.notSerious');
    const awarded = estimateDamages({
      ...base,
      wilful: true,
      seriousCircumstances: true,
      expensesCny: 20_000,
    });
    expect(awarded).to.include({
      compensatoryCny: 100_000,
      punitiveCny: 300_000,
      expensesCny: 20_000,
      totalCny: 420_000,
    });
    expect(
      estimateDamages({ ...base, wilful: true, seriousCircumstances: true, punitiveMultiple: 9 }).punitiveCny,
    ).to.equal(500_000);
    // statutory damages are no base for punitive damages (法释〔2021〕4号 art. 5)
    const statutory = estimateDamages({
      ipType: 'trademark',
      statutoryCny: 50_000,
      wilful: true,
      seriousCircumstances: true,
    });
    expect(statutory).to.include({ punitiveCny: 0 });
    expect(codes(statutory)).to.include('punitive.noBase');
  });

  it('names a legal basis for every kind of right and every line', () => {
    for (const ipType of IP_TYPES) {
      expect(DAMAGES_LAW[ipType].statute, ipType).to.match(/arts?\./);
      for (const step of estimateDamages({
        ipType,
        actualLossCny: 1,
        wilful: true,
        seriousCircumstances: true,
      }).steps)
        expect(step.basis, `${ipType} ${step.code}`).to.match(/arts?\.|法释/);
    }
  });
});
