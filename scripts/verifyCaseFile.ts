/**
 * `npm run verify-case-file -- FILE.zip`: checks a case file downloaded from Sevenfold offline (the
 * event chain and every evidence file's SHA-256). Exit code 0 when it verifies, 1 when it does not.
 */
import { verifyCaseFile } from '../server/caseFiles/verifyCaseFile.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run verify-case-file -- <case file>.zip\n');
  process.exit(2);
}
const result = await verifyCaseFile(file);
process.stdout.write(
  `${file}: ${result.events} events (${result.eventsInFull} in full), ${result.evidence} evidence files: ` +
    `${result.ok ? 'verified' : `${result.problems.length} problem(s)`}\n`,
);
for (const problem of result.problems) process.stdout.write(`  - ${problem}\n`);
process.exit(result.ok ? 0 : 1);
