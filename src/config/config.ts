// The one reader of the environment: checks every setting at once and reports every problem in one error.
import { fileURLToPath } from 'node:url';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  LOG_LEVELS, parseBaseUrl, parseChannelId, parseDays, parseInteger, parseNumber, parseTime, parseTimeZone, parseToken,
  parseChoice,
  parseRedisUrl,
  parseEndpointUrl,
  parseUserIds,
  parseDay,
  parseBoolean,
  parseUrls,
  type Parsed,
} from './config-values.js';
import type { LogFormat } from '../logger.js';

/** The environment as `process.env` gives it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** How the bot talks to Slack: Socket Mode, the HTTP receiver, or the local console (no Slack settings). */
export type Mode = 'socket' | 'http' | 'console';

/** Settings every entry point needs. */
export interface CoreConfig {
  /** `KNOWLEDGE_DIR`, default the project's `knowledge/` folder. */
  knowledgeDir: string;
  /** `LOG_LEVEL`, a pino level, default `info`. */
  logLevel: string;
  /** `LOG_FORMAT`, `json` (default) or `pretty`. */
  logFormat: LogFormat;
}

/** The daily summary post (`SUMMARY_*`, `STATE_DIR`). */
export interface SummaryConfig {
  /** `SUMMARY_CHANNEL`: a channel ID; undefined means no daily post. */
  channel?: string;
  /** `SUMMARY_TIME`, default 09:00. */
  time: { hour: number; minute: number };
  /** `SUMMARY_TIMEZONE`, default UTC. */
  timezone: string;
  /** `SUMMARY_DAYS` as day numbers (0 = Sunday), default every day. */
  days: number[];
  /** `SUMMARY_CATCHUP_HOURS`, default 6. */
  catchupHours: number;
  /** `SUMMARY_DOCUMENT`: the knowledge file that leads the summary; default the newest. */
  document?: string;
  /** `SUMMARY_WHEN_UNCHANGED`: `post` (default: the summary again, marked unchanged) or `skip` when nothing changed. */
  whenUnchanged: 'post' | 'skip';
}

/** The editors' desk (`KNOWLEDGE_FEEDS*`, `KNOWLEDGE_MAX_ARTICLES`, `FETCH_ALLOW_PRIVATE`). */
export interface DeskConfig {
  /** `KNOWLEDGE_FEEDS`: RSS or Atom URLs whose new items are added; default none. */
  feeds: string[];
  /** `KNOWLEDGE_FEEDS_POLL_SECONDS`: time between polls of the feeds, default 900. */
  feedsPollSeconds: number;
  /** `KNOWLEDGE_MAX_ARTICLES`: most articles kept (the oldest beyond are archived); default no limit. */
  maxArticles?: number;
  /** `FETCH_ALLOW_PRIVATE`: links to private and local addresses may be fetched (an intranet); default false. */
  allowPrivate: boolean;
}

/** Everything the bot reads from its environment. */
export interface Config extends CoreConfig {
  mode: Mode;
  /** Slack credentials; absent in console mode. */
  slack?: { botToken: string; appToken?: string; signingSecret?: string; apiUrl?: string };
  /** `PORT` for HTTP mode, default 3000. */
  port: number;
  /** False when `NO_COLOR` is set (no-color.org): the console prints no ANSI styles. */
  colour: boolean;
  summary: SummaryConfig;
  /** `STATE_DIR`: the daily post's record and the index cache; default the project's git-ignored `.state/`. */
  stateDir: string;
  /** `KNOWLEDGE_POLL_SECONDS`: how often the knowledge folder is also checked by listing it (besides change events). */
  knowledgePollSeconds: number;
  /** `REDIS_URL`: shared state for several replicas; unset, the state lives in this process and STATE_DIR. */
  redisUrl?: string;
  /** The editors' desk: feeds followed, the briefing's size, and what may be fetched. */
  desk: DeskConfig;
  /** `BRIEFING_EDITORS`: who may add and remove articles and see `/briefing gaps`; unset, anyone. */
  editors?: string[];
  /** `FEEDBACK_RETENTION_DAYS`: how long questions and gaps are kept, default 90. */
  feedbackRetentionDays: number;
  /** `GAPS_CHANNEL` and `GAPS_DAY`: the weekly gap report's channel (none: no post) and day (default Monday). */
  gaps: { channel?: string; day: number };
  /** `EMBEDDINGS_URL`, `EMBEDDINGS_MODEL`, `EMBEDDINGS_API_KEY`: the team's embedding model; unset, answers are lexical. */
  embeddings?: { url: string; model: string; apiKey?: string };
}

/** Thrown when settings are missing or malformed; `problems` has one line per variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`config: ${problems.length} setting${problems.length === 1 ? '' : 's'} to fix:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Defaults, readable by callers (and shown in the README). */
export const DEFAULTS = {
  knowledgeDir: resolve(PROJECT_DIR, 'knowledge'),
  stateDir: resolve(PROJECT_DIR, '.state'),
  logLevel: 'info',
  logFormat: 'json' as LogFormat,
  port: 3000,
  summaryTime: '09:00',
  summaryTimezone: 'UTC',
  summaryDays: 'daily',
  catchupHours: 6,
  knowledgePollSeconds: 10,
  feedsPollSeconds: 900,
};

/** Reads the settings every entry point shares. @throws ConfigError */
export function loadCoreConfig(env: Env, { defaultLogLevel = DEFAULTS.logLevel } = {}): CoreConfig {
  const problems: string[] = [];
  const core = readCore(env, problems, defaultLogLevel);
  if (problems.length > 0) throw new ConfigError(problems);
  return core;
}

/** Reads and checks every setting. @throws ConfigError naming each variable that is missing or malformed. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, parse: (text: string) => Parsed<T>, fallback?: string): T | undefined => {
    const text = value(env, name) ?? fallback;
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (!parsed.ok) problems.push(`${name}=${show(name, text)} is not valid: expected ${parsed.expected}`);
    return parsed.ok ? parsed.value : undefined;
  };
  const core = readCore(env, problems, DEFAULTS.logLevel);
  const botToken = read('SLACK_BOT_TOKEN', (t) => parseToken(t, 'xoxb-'));
  const appToken = read('SLACK_APP_TOKEN', (t) => parseToken(t, 'xapp-'));
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  const apiUrl = read('SLACK_API_URL', parseBaseUrl);
  const anySlack = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some((n) => value(env, n) !== undefined);
  const mode: Mode = !anySlack ? 'console' : value(env, 'SLACK_APP_TOKEN') !== undefined ? 'socket' : 'http';
  if (anySlack && value(env, 'SLACK_BOT_TOKEN') === undefined) {
    problems.push('SLACK_BOT_TOKEN is missing: set the bot token (xoxb-…) from OAuth & Permissions, or unset every SLACK_* variable for the local console');
  }
  if (mode === 'http' && signingSecret === undefined) {
    problems.push('SLACK_SIGNING_SECRET is missing: HTTP mode (no SLACK_APP_TOKEN) needs the signing secret from Basic Information; or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
  }
  if (signingSecret !== undefined && /\s/u.test(signingSecret)) problems.push('SLACK_SIGNING_SECRET is not valid: expected the secret without spaces');
  const port = read('PORT', (t) => parseInteger(t, 0, 65535), String(DEFAULTS.port));
  const redisUrl = read('REDIS_URL', parseRedisUrl);
  const editors = read('BRIEFING_EDITORS', parseUserIds);
  const gapsChannel = read('GAPS_CHANNEL', parseChannelId);
  const gapsDay = read('GAPS_DAY', parseDay, 'mon') ?? 1;
  const desk: DeskConfig = {
    feeds: read('KNOWLEDGE_FEEDS', parseUrls) ?? [],
    feedsPollSeconds: read('KNOWLEDGE_FEEDS_POLL_SECONDS', (t) => parseNumber(t, 1, 86_400), String(DEFAULTS.feedsPollSeconds)) ?? DEFAULTS.feedsPollSeconds,
    ...optional('maxArticles', read('KNOWLEDGE_MAX_ARTICLES', (t) => parseInteger(t, 1, 1_000_000))),
    allowPrivate: read('FETCH_ALLOW_PRIVATE', parseBoolean, 'false') ?? false,
  };
  const embeddingsUrl = read('EMBEDDINGS_URL', parseEndpointUrl);
  const embeddingsModel = value(env, 'EMBEDDINGS_MODEL')?.trim();
  const embeddingsKey = value(env, 'EMBEDDINGS_API_KEY')?.trim();
  if (value(env, 'EMBEDDINGS_URL') !== undefined && embeddingsModel === undefined) {
    problems.push('EMBEDDINGS_MODEL is missing: EMBEDDINGS_URL needs the name of the model to ask for, e.g. nomic-embed-text (Ollama) or text-embedding-3-small');
  }
  if (value(env, 'EMBEDDINGS_URL') === undefined && (embeddingsModel !== undefined || embeddingsKey !== undefined)) {
    problems.push('EMBEDDINGS_URL is missing: EMBEDDINGS_MODEL and EMBEDDINGS_API_KEY are used only with the endpoint, e.g. http://localhost:11434/v1');
  }
  const feedbackRetentionDays = read('FEEDBACK_RETENTION_DAYS', (t) => parseInteger(t, 1, 3650), '90') ?? 90;
  const summary: SummaryConfig = {
    ...optional('channel', read('SUMMARY_CHANNEL', parseChannelId)),
    time: read('SUMMARY_TIME', parseTime, DEFAULTS.summaryTime) ?? { hour: 9, minute: 0 },
    timezone: read('SUMMARY_TIMEZONE', parseTimeZone, DEFAULTS.summaryTimezone) ?? 'UTC',
    days: read('SUMMARY_DAYS', parseDays, DEFAULTS.summaryDays) ?? [],
    catchupHours: read('SUMMARY_CATCHUP_HOURS', (t) => parseNumber(t, 0, 24), String(DEFAULTS.catchupHours)) ?? 0,
    ...optional('document', value(env, 'SUMMARY_DOCUMENT')),
    whenUnchanged: read('SUMMARY_WHEN_UNCHANGED', (t) => parseChoice(t, ['post', 'skip'] as const), 'post') ?? 'post',
  };
  const stateDir = resolve(value(env, 'STATE_DIR') ?? DEFAULTS.stateDir);
  const unusable = checkStateDir(stateDir);
  if (unusable) problems.push(`STATE_DIR=${JSON.stringify(stateDir)} is not usable (${unusable}): expected a folder the bot can write to (it is created if missing); set STATE_DIR to another folder or fix its permissions`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...core,
    // The console shares the terminal with its replies: only warnings and errors, unless LOG_LEVEL says otherwise.
    ...(mode === 'console' && value(env, 'LOG_LEVEL') === undefined ? { logLevel: 'warn' } : {}),
    mode,
    ...(mode === 'console' || !botToken
      ? {}
      : { slack: { botToken, ...optional('appToken', appToken), ...optional('signingSecret', signingSecret), ...optional('apiUrl', apiUrl) } }),
    port: port ?? DEFAULTS.port,
    colour: env.NO_COLOR === undefined,
    summary,
    stateDir,
    ...optional('redisUrl', redisUrl),
    ...optional('editors', editors),
    desk,
    feedbackRetentionDays,
    gaps: { ...optional('channel', gapsChannel), day: gapsDay },
    ...(embeddingsUrl && embeddingsModel ? { embeddings: { url: embeddingsUrl, model: embeddingsModel, ...optional('apiKey', embeddingsKey) } } : {}),
    knowledgePollSeconds: read('KNOWLEDGE_POLL_SECONDS', (t) => parseNumber(t, 1, 3600), String(DEFAULTS.knowledgePollSeconds)) ?? DEFAULTS.knowledgePollSeconds,
  };
}

// STATE_DIR is where posts are recorded and the index is cached: checked (and created) before the bot serves, so a
// bad one stops start-up with its name instead of failing later. A probe file is written and removed.
function checkStateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) return 'not a folder';
    const probe = join(dir, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return code ? `${code}: ${message.replace(/^[A-Z]+: /u, '')}` : message;
  }
}

function readCore(env: Env, problems: string[], defaultLogLevel: string): CoreConfig {
  const logLevel = value(env, 'LOG_LEVEL') ?? defaultLogLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL=${logLevel} is not valid: expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const logFormat = value(env, 'LOG_FORMAT') ?? DEFAULTS.logFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push(`LOG_FORMAT=${logFormat} is not valid: expected json or pretty`);
  return { knowledgeDir: resolve(value(env, 'KNOWLEDGE_DIR') ?? DEFAULTS.knowledgeDir), logLevel, logFormat: logFormat as LogFormat };
}

function value(env: Env, name: string): string | undefined {
  const text = env[name];
  return text === undefined || text.trim() === '' ? undefined : text;
}

// Secrets are never echoed back in an error, only their shape.
function show(name: string, text: string): string {
  if (name.endsWith('_URL')) return JSON.stringify(withoutCredentials(text));
  if (!/TOKEN|SECRET|KEY/u.test(name)) return JSON.stringify(text);
  return `"${text.slice(0, 5)}…" (${text.length} characters)`;
}

// A URL as it may be shown: a user and password in it (which may be a key) replaced by ***.
function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/iu, '$1***@');
}

function optional<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}
