import { createHash } from 'node:crypto';

/** Content passed through as it is read, with its size and SHA-256 once it has been read. */
export function measureContent(content: AsyncIterable<Buffer>): {
  chunks: AsyncIterable<Buffer>;
  result: () => { bytes: number; sha256: string };
} {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    chunks: (async function* () {
      for await (const chunk of content) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    })(),
    result: () => ({ bytes, sha256: hash.digest('hex') }),
  };
}
