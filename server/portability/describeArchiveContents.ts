/** How each carried collection is named in a summary. */
const NOUNS: [string, string][] = [
  ['case_events', 'events'],
  ['users', 'accounts'],
  ['organisations', 'organisations'],
  ['credit_register', 'credit register entries'],
  ['case_numbers', 'case numbers'],
  ['mediator_conflicts', 'declared mediator conflicts'],
];

/** One line saying what an archive holds, from its manifest's counts (for the commands' summaries). */
export function describeArchiveContents(counts: Record<string, number>): string {
  const parts = [`${counts.caseLogs ?? 0} case logs`];
  for (const [collection, noun] of NOUNS) parts.push(`${counts[collection] ?? 0} ${noun}`);
  parts.push(`${counts['evidence.files'] ?? 0} evidence files (${counts.evidenceBytes ?? 0} bytes)`);
  return parts.join(', ');
}
