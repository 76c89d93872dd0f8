import { Request, Response } from 'express';
import { constants, gzipSync } from 'node:zlib';

/** Smaller answers are not worth compressing. */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * Answers JSON that a person or a pipeline is waiting on (a gate decision,
 * an on-demand evaluation), gzipped here at the fastest level when the
 * client accepts it. The backend's compression middleware would gzip it as
 * a stream through the thread pool, a few event-loop turns and a thread
 * hand-off per answer: on a busy machine those waits, not the compressing,
 * were most of what compression added. The middleware leaves an answer
 * that is already encoded alone.
 */
export function sendWaitedOnJson(req: Request, res: Response, body: unknown) {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.vary('Accept-Encoding');
  if (json.length >= MIN_COMPRESSED_BYTES && req.acceptsEncodings('gzip')) {
    const gzipped = gzipSync(json, { level: constants.Z_BEST_SPEED });
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', gzipped.length);
    res.end(gzipped);
    return;
  }
  res.setHeader('Content-Length', json.length);
  res.end(json);
}
