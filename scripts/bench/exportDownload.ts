import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full collection, so each measurement starts from the live heap alone. */
const gc = runInNewContext('gc') as () => void;

/** What one CSV export download cost the process serving it (this one). */
export interface ExportRun {
  status: number;
  contentLength: string | null;
  dataRows: number;
  /** The highest `heapUsed` seen while streaming, above the heap before the request. */
  peakGrowth: number;
  ms: number;
}

/**
 * Downloads `GET /api/exports/cases` from a server listening in this process, counting lines as the
 * chunks arrive (nothing kept) and sampling the heap at every chunk and every 5 ms, after a full
 * collection: the test of the export's flat memory and `npm run bench` both measure with it.
 */
export async function downloadExport(url: string, token: string): Promise<ExportRun> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/exports/cases?sort=-updatedAt`, {
      headers: { authorization: `Bearer ${token}` },
    });
    let lines = 0;
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      const text = decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      sample();
    }
    return {
      status: res.status,
      contentLength: res.headers.get('content-length'),
      dataRows: lines - 1,
      peakGrowth: peak - base,
      ms: performance.now() - started,
    };
  } finally {
    clearInterval(timer);
  }
}
