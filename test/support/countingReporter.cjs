'use strict';
/**
 * Mocha's spec reporter plus one closing line, `mocha: N passed, N failed[, N skipped]`,
 * which CI reads to count the result.
 */
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats || {};
      process.nextTick(() => {
        const skipped = pending > 0 ? `, ${pending} skipped` : '';
        process.stdout.write(`mocha: ${passes} passed, ${failures} failed${skipped}\n`);
      });
    });
  }
}

module.exports = CountingReporter;
