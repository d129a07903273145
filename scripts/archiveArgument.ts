import { parseArgs } from 'node:util';

/**
 * The one FILE argument of `npm run export -- FILE` / `npm run import -- FILE`; prints the usage and
 * exits 2 when it is missing or comes with anything else.
 */
export function archiveArgument(command: 'export' | 'import', meaning: string): string {
  let file: string | undefined;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length === 1) file = positionals[0];
  } catch {
    file = undefined;
  }
  if (!file) {
    process.stderr.write(`usage: npm run ${command} -- FILE   (FILE: ${meaning})\n`);
    process.exit(2);
  }
  return file;
}
