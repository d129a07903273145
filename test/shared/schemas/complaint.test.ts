import { expect } from 'chai';
import { MAX_RIGHTS, complaintSchema, validateComplaint } from '../../../shared/schemas/complaint.js';
import type { Complaint, FieldError } from '../../../shared/schemas/complaint.js';
import { COMPLAINT_FIXTURES, designPatentSmeEcommerce } from '../../fixtures/complaints.js';

/** A complaint using every optional field. */
const full: Complaint = {
  ...structuredClone(designPatentSmeEcommerce),
  tradeFair: { name: 'Canton Fair 2024' },
  legalAidRequested: true,
  respondentCount: 2,
  hasCounsel: false,
  counterfeitingAtScale: true,
  repeatInfringer: true,
  injunctionRequested: true,
  wilful: true,
  sameAssociation: { name: 'Zhongguancun Lighting Association' },
  priorDecisionIgnored: true,
};

function errorsOf(body: unknown): FieldError[] {
  const result = validateComplaint(body);
  if (!('errors' in result)) throw new Error('expected validation errors');
  return result.errors;
}

function paths(body: unknown): string[] {
  return errorsOf(body).map((e) => e.path);
}

function withBody(patch: (body: Record<string, unknown>) => void): Record<string, unknown> {
  const body = structuredClone(designPatentSmeEcommerce) as unknown as Record<string, unknown>;
  patch(body);
  return body;
}

describe('complaint schema', () => {
  describe('accepts', () => {
    for (const [name, fixture] of Object.entries(COMPLAINT_FIXTURES)) {
      it(`the ${name} fixture`, () => {
        expect(validateComplaint(fixture)).to.deep.equal({ value: fixture });
      });
    }

    it('a complaint with every optional field', () => {
      expect(validateComplaint(full)).to.deep.equal({ value: full });
    });

    it('the minimal shape of the brief', () => {
      const minimal = {
        title: 'Copied mug',
        description: 'A copy of our registered mug design.',
        ipType: 'designPatent',
        rights: [{ number: 'ZL1' }],
        complainant: { name: 'A', type: 'individual', sme: false },
        respondent: { name: 'B', type: 'enterprise' },
        claim: { amountCny: 0, remedies: ['cease'] },
        consents: { mediation: false, arbitrationAgreement: false },
      };
      expect(validateComplaint(minimal)).to.deep.equal({ value: minimal });
    });

    it('trims text and lower-cases the respondent email', () => {
      const result = validateComplaint(
        withBody((b) => {
          b.title = '  Copied lamp  ';
          (b.respondent as Record<string, unknown>).email = ' Seller@Example.COM ';
        }),
      );
      expect(result).to.have.property('value');
      if ('value' in result) {
        expect(result.value.title).to.equal('Copied lamp');
        expect(result.value.respondent.email).to.equal('seller@example.com');
      }
    });

    it('is the same schema object the web form can use', () => {
      expect(complaintSchema.validate(designPatentSmeEcommerce).error).to.equal(undefined);
    });
  });

  describe('rejects unknown keys and operator injection', () => {
    it('an unknown top-level key', () => {
      const errors = errorsOf({ ...designPatentSmeEcommerce, isAdmin: true });
      expect(errors).to.deep.equal([{ path: 'isAdmin', message: 'isAdmin is not a recognised field' }]);
    });

    it('an unknown nested key, such as $ne inside consents', () => {
      expect(
        paths(
          withBody((b) => {
            (b.consents as Record<string, unknown>).$ne = null;
          }),
        ),
      ).to.deep.equal(['consents.$ne']);
    });

    it('a $where key at the top level', () => {
      expect(paths({ ...designPatentSmeEcommerce, $where: 'sleep(1000)' })).to.deep.equal(['$where']);
    });

    it('an own __proto__ key produced by JSON.parse', () => {
      const body: unknown = JSON.parse(
        JSON.stringify(designPatentSmeEcommerce).replace('{', '{"__proto__":{"isAdmin":true},'),
      );
      expect(errorsOf(body)).to.deep.equal([
        { path: '__proto__', message: '__proto__ is not a recognised field' },
      ]);
    });

    it('a nested own __proto__ key, and survives a deeply nested body', () => {
      const nested: unknown = JSON.parse(
        JSON.stringify(designPatentSmeEcommerce).replace('"rights":[{', '"rights":[{"__proto__":{"x":1},'),
      );
      expect(paths(nested)).to.deep.equal(['rights.0.__proto__']);
      const deep: unknown = JSON.parse(`{"title":${'['.repeat(20000)}${']'.repeat(20000)}}`);
      expect(paths(deep)).to.include('title');
    });

    const operatorTargets: [string, (b: Record<string, unknown>) => void][] = [
      ['title', (b) => (b.title = { $ne: null })],
      ['ipType', (b) => (b.ipType = { $ne: null })],
      ['respondent.name', (b) => ((b.respondent as Record<string, unknown>).name = { $ne: null })],
      ['respondent.email', (b) => ((b.respondent as Record<string, unknown>).email = { $gt: '' })],
      ['claim.amountCny', (b) => ((b.claim as Record<string, unknown>).amountCny = { $gt: 0 })],
      ['consents.mediation', (b) => ((b.consents as Record<string, unknown>).mediation = { $ne: false })],
      ['rights.0.number', (b) => ((b.rights as Record<string, unknown>[])[0]!.number = { $ne: null })],
    ];
    for (const [path, patch] of operatorTargets) {
      it(`a {"$ne": null}-style operator object as ${path}`, () => {
        expect(paths(withBody(patch))).to.deep.equal([path]);
      });
    }

    it('an operator object in place of a nested object', () => {
      expect(paths(withBody((b) => (b.respondent = { $ne: null })))).to.have.members([
        'respondent.$ne',
        'respondent.name',
        'respondent.type',
      ]);
    });
  });

  describe('rejects bad enums', () => {
    it('an unknown ipType, naming the allowed values', () => {
      const errors = errorsOf(withBody((b) => (b.ipType = 'patent')));
      expect(errors).to.have.length(1);
      expect(errors[0]!.path).to.equal('ipType');
      expect(errors[0]!.message).to.match(/^Type of IP right must be one of: inventionPatent, /);
    });

    it('an unknown remedy', () => {
      const errors = errorsOf(
        withBody((b) => ((b.claim as Record<string, unknown>).remedies = ['cease', 'jail'])),
      );
      expect(errors).to.deep.equal([
        {
          path: 'claim.remedies.1',
          message: 'Remedy must be one of: cease, damages, takedown, apology, punitive',
        },
      ]);
    });

    it('an unknown party type', () => {
      expect(
        paths(withBody((b) => ((b.complainant as Record<string, unknown>).type = 'government'))),
      ).to.deep.equal(['complainant.type']);
    });
  });

  describe('rejects values outside the limits', () => {
    const cases: [string, (b: Record<string, unknown>) => void, string][] = [
      [
        'more than 20 rights',
        (b) => (b.rights = Array.from({ length: MAX_RIGHTS + 1 }, (_, i) => ({ number: `ZL${i}` }))),
        'rights',
      ],
      ['no rights', (b) => (b.rights = []), 'rights'],
      ['the same right twice', (b) => (b.rights = [{ number: 'ZL1' }, { number: 'ZL1' }]), 'rights.1'],
      ['a negative amount', (b) => ((b.claim as Record<string, unknown>).amountCny = -1), 'claim.amountCny'],
      [
        'an amount above 1e12',
        (b) => ((b.claim as Record<string, unknown>).amountCny = 1e12 + 1),
        'claim.amountCny',
      ],
      [
        'an amount given as text',
        (b) => ((b.claim as Record<string, unknown>).amountCny = '5000'),
        'claim.amountCny',
      ],
      ['no remedies', (b) => ((b.claim as Record<string, unknown>).remedies = []), 'claim.remedies'],
      [
        'a javascript: listing URL',
        (b) => ((b.ecommerce as Record<string, unknown>).listingUrl = 'javascript:alert(1)'),
        'ecommerce.listingUrl',
      ],
      [
        'an ftp listing URL',
        (b) => ((b.ecommerce as Record<string, unknown>).listingUrl = 'ftp://example.com/x'),
        'ecommerce.listingUrl',
      ],
      [
        'an invalid respondent email',
        (b) => ((b.respondent as Record<string, unknown>).email = 'not-an-email'),
        'respondent.email',
      ],
      ['an over-long title', (b) => (b.title = 'x'.repeat(201)), 'title'],
      [
        'an empty respondent name',
        (b) => ((b.respondent as Record<string, unknown>).name = '  '),
        'respondent.name',
      ],
      ['respondentCount 0', (b) => (b.respondentCount = 0), 'respondentCount'],
      ['a fractional respondentCount', (b) => (b.respondentCount = 1.5), 'respondentCount'],
      ['a boolean given as text', (b) => (b.foreignRelated = 'true'), 'foreignRelated'],
      [
        'an incomplete evidence object',
        (b) => (b.evidence = { hasRightCertificate: true, hasInfringementProof: true }),
        'evidence.hasDamagesProof',
      ],
      ['a sameAssociation without a name', (b) => (b.sameAssociation = {}), 'sameAssociation.name'],
    ];
    for (const [name, patch, path] of cases) {
      it(name, () => {
        expect(paths(withBody(patch))).to.deep.equal([path]);
      });
    }
  });

  describe('reports errors for people', () => {
    it('lists every missing required field at once', () => {
      expect(errorsOf({})).to.deep.equal([
        { path: 'title', message: 'Title is required' },
        { path: 'description', message: 'Description is required' },
        { path: 'ipType', message: 'Type of IP right is required' },
        { path: 'rights', message: 'Rights is required' },
        { path: 'complainant', message: 'Complainant is required' },
        { path: 'respondent', message: 'Respondent is required' },
        { path: 'claim', message: 'Claim is required' },
        { path: 'consents', message: 'Consents is required' },
      ]);
    });

    it('reports several errors in different places together', () => {
      const body = withBody((b) => {
        b.ipType = 'bogus';
        b.extra = 1;
        (b.claim as Record<string, unknown>).amountCny = -5;
      });
      expect(paths(body)).to.have.members(['ipType', 'extra', 'claim.amountCny']);
    });

    it('uses labels without quotes or internal paths', () => {
      const errors = errorsOf(
        withBody((b) => ((b.ecommerce as Record<string, unknown>).listingUrl = 'mailto:x@y.z')),
      );
      expect(errors[0]!.message).to.equal(
        'Listing URL must be a web address starting with http:// or https://',
      );
      expect(errorsOf(withBody((b) => (b.respondentCount = 0)))[0]!.message).to.equal(
        'Number of respondents must be at least 1',
      );
    });

    it('rejects a body that is not an object', () => {
      for (const body of [null, [], 'complaint', 42]) {
        expect(errorsOf(body)).to.deep.equal([{ path: '', message: 'Complaint must be an object' }]);
      }
    });
  });
});
