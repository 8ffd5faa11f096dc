// A pino logger that keeps its lines in memory, so tests can read what an operator would see.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** The logger and the parsed lines it wrote. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: Record<string, unknown>[]; raw: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, destination: stream as unknown as NonNullable<Parameters<typeof createLogger>[0]['destination']> });
  return {
    logger,
    get lines() {
      return chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    raw: () => chunks.join(''),
  };
}
