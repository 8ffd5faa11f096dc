// Creates the one pino logger the process uses: JSON lines by default, pretty in development.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Log format: JSON lines for machines, or pino-pretty for people (a dev dependency). */
export type LogFormat = 'json' | 'pretty';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** A pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  level: string;
  /** Default `json`. */
  format?: LogFormat;
  /** Where JSON lines go. Default: standard error, so standard output stays free for replies. */
  destination?: DestinationStream;
}

/** Never written to logs (exact paths: wildcards make every log call slower, and nothing logs tokens nested deeper). */
export const REDACTED_PATHS = ['token', 'apiKey', 'embeddings.apiKey', 'botToken', 'appToken', 'signingSecret', 'slack.botToken', 'slack.appToken', 'slack.signingSecret', 'headers.authorization'];

/** Builds the process logger. */
export function createLogger({ level, format = 'json', destination }: LoggerOptions): Logger {
  const options = { level, base: { app: 'briefing-bot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (format === 'pretty') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(options, destination ?? pino.destination({ dest: 2, sync: false }));
}
