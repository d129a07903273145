import { expect } from 'chai';
import { createActor, type AnyStateMachine } from 'xstate';
import { caseMachine } from '../../../shared/machine/machine.js';

describe('case machine: the inert actor of a pure transition', () => {
  it('starts without input and without an error (transition() builds one on every step)', () => {
    // xstate's transition() calls createActor(machine) with no input; the machine's types
    // require input, so the test goes through the untyped signature as xstate itself does.
    const inert: AnyStateMachine = caseMachine;
    const snapshot = createActor(inert).getSnapshot();
    expect(snapshot.status).to.equal('active');
    expect(snapshot.error).to.equal(undefined);
  });
});
