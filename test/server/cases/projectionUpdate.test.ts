import { expect } from 'chai';
import { projectionUpdate } from '../../../server/cases/projectionUpdate.js';

describe('projectionUpdate: an action writes what changed', () => {
  it('sets only the changed top-level and nested fields, by dotted path', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const before = { seq: 3, status: 'triage', snapshot: { value: 'a', context: { n: 1, keep: 'x' } }, at };
    const after = { seq: 4, status: 'triage', snapshot: { value: 'b', context: { n: 2, keep: 'x' } }, at };
    expect(projectionUpdate(before, after)).to.deep.equal({
      $set: { seq: 4, 'snapshot.value': 'b', 'snapshot.context.n': 2 },
    });
  });

  it('pushes the new items of an array that only grew, and sets one that changed otherwise', () => {
    const before = { sessions: [{ n: 1 }], ids: ['a', 'b'] };
    const after = { sessions: [{ n: 1 }, { n: 2 }], ids: ['b'] };
    expect(projectionUpdate(before, after)).to.deep.equal({
      $set: { ids: ['b'] },
      $push: { sessions: { $each: [{ n: 2 }] } },
    });
  });

  it('unsets keys that are gone or undefined, and treats undefined as missing when comparing', () => {
    expect(projectionUpdate({ a: 1, b: { c: 1 } }, { b: { c: undefined }, d: undefined })).to.deep.equal({
      $unset: { a: '', 'b.c': '' },
    });
    expect(projectionUpdate({ a: { x: 1 } }, { a: { x: 1, y: undefined } })).to.deep.equal({});
  });

  it('compares dates by value and replaces whole objects whose keys cannot be paths', () => {
    expect(projectionUpdate({ d: new Date(5) }, { d: new Date(5) })).to.deep.equal({});
    expect(projectionUpdate({ m: { 'a.b': 1 } }, { m: { 'a.b': 2 } })).to.deep.equal({
      $set: { m: { 'a.b': 2 } },
    });
  });

  it('leaves kept bookkeeping fields alone', () => {
    expect(projectionUpdate({ pendingEffects: true, seq: 1 }, { seq: 2 }, ['pendingEffects'])).to.deep.equal({
      $set: { seq: 2 },
    });
  });
});
