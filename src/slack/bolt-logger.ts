// Lets Bolt and the Slack SDK log through our pino logger, so every line has the same structure.
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

// Slack tokens look like xoxb-…, xoxp-…, xapp-…; none may reach a log line, whatever the SDK prints.
const TOKEN = /\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+/gu;

/** Redacts anything shaped like a Slack token. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN, '[redacted]');
}

const toText = (parts: unknown[]): string =>
  redactTokens(parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' '));

/** A `@slack/logger` Logger writing to a child of `logger` tagged `module: "bolt"`. */
export function boltLogger(logger: Logger): SlackLogger {
  let child = logger.child({ module: 'bolt' });
  // Format only what will be written: the SDK logs whole request bodies at debug on every call.
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](toText(parts));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // Our LOG_LEVEL governs; Bolt asking for its own level is ignored.
    setLevel: () => undefined,
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : child.isLevelEnabled('info') ? LogLevel.INFO : child.isLevelEnabled('warn') ? LogLevel.WARN : LogLevel.ERROR),
    setName: (name: string) => {
      child = logger.child({ module: name });
    },
  };
}
