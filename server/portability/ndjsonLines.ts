import { StringDecoder } from 'node:string_decoder';
import { PortabilityError } from './portabilityError.js';

/** Longest line accepted (a BSON document is at most 16 MiB; its Extended JSON is longer). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/** The non-empty lines of UTF-8 text arriving in chunks (newline-delimited JSON), without the newlines. */
export async function* ndjsonLines(chunks: AsyncIterable<Buffer>, member: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > MAX_LINE_CHARS) {
      throw new PortabilityError(
        `archive member ${member} has a line longer than ${MAX_LINE_CHARS} characters`,
      );
    }
    for (const line of lines) if (line) yield line;
  }
  rest += decoder.end();
  if (rest) yield rest;
}
