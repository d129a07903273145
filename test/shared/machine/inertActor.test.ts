import { expect } from 'chai';
import { createActor } from 'xstate';
import { caseMachine } from '../../../shared/machine/machine.js';

describe('case machine: the inert actor of a pure transition', () => {
  it('starts without input and without an error (transition() builds one on every step)', () => {
    const snapshot = createActor(caseMachine).getSnapshot();
    expect(snapshot.status).to.equal('active');
    expect(snapshot.error).to.equal(undefined);
  });
});
