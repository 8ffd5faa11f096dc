// Settings: modes, defaults, and one error naming every bad variable.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../../src/config/config.js';
import { tempDir } from '../helpers/temp-dir.js';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};
const BOT = 'xoxb-1111-2222-abcdefghijkl';
const APP = 'xapp-1-A111-2222-abcdefghijkl';

describe('loadConfig', () => {
  it('is the local console with no Slack settings, with defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'console', port: 3000, logLevel: 'warn', logFormat: 'json' });
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).logLevel).toBe('info');
    expect(config.slack).toBeUndefined();
    expect(config.knowledgeDir).toBe(DEFAULTS.knowledgeDir);
    expect(config.summary).toMatchObject({ time: { hour: 9, minute: 0 }, timezone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], catchupHours: 6 });
    expect(config.summary.channel).toBeUndefined();
  });

  it('is Socket Mode with an app token, HTTP mode with a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    const http = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abc123', PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(http).toMatchObject({ mode: 'http', port: 8080, slack: { botToken: BOT, signingSecret: 'abc123', apiUrl: 'http://127.0.0.1:9/api/' } });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '  ' }).mode).toBe('console');
  });

  it('names every problem in one error, without echoing secrets', () => {
    const error = errorOf({ SLACK_BOT_TOKEN: 'xoxp-user-token-not-bot', PORT: 'eighty', LOG_LEVEL: 'loud', SLACK_API_URL: 'ftp://x' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toHaveLength(5);
    expect(error.message).toContain('SLACK_BOT_TOKEN="xoxp-…" (23 characters) is not valid: expected a whole token starting with xoxb-');
    expect(error.message).toContain('SLACK_SIGNING_SECRET is missing');
    expect(error.message).toContain('PORT="eighty" is not valid: expected a whole number from 0 to 65535');
    expect(error.message).toContain('LOG_LEVEL=loud is not valid');
    expect(error.message).toContain('SLACK_API_URL="ftp://x" is not valid');
    expect(error.message).not.toContain('xoxp-user-token-not-bot');
  });

  it('rejects an app token without a bot token, and a wrong app token prefix', () => {
    expect(errorOf({ SLACK_APP_TOKEN: APP }).message).toContain('SLACK_BOT_TOKEN is missing');
    expect(errorOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind-123456' }).message).toContain('expected a whole token starting with xapp-');
  });
});

describe('summary settings', () => {
  it('reads a valid schedule', () => {
    const config = loadConfig({ SUMMARY_CHANNEL: 'C0123456789', SUMMARY_TIME: '7:30', SUMMARY_TIMEZONE: 'Europe/London', SUMMARY_DAYS: 'mon-fri', SUMMARY_CATCHUP_HOURS: '2.5' });
    expect(config.summary).toMatchObject({ channel: 'C0123456789', time: { hour: 7, minute: 30 }, timezone: 'Europe/London', days: [1, 2, 3, 4, 5], catchupHours: 2.5 });
    expect(loadConfig({ SUMMARY_DAYS: 'mon,wed,fri' }).summary.days).toEqual([1, 3, 5]);
    expect(loadConfig({ SUMMARY_DAYS: 'fri-mon' }).summary.days).toEqual([0, 1, 5, 6]);
  });

  it('names each malformed value and the expected form', () => {
    const error = errorOf({ SUMMARY_TIME: '25:99', SUMMARY_TIMEZONE: 'Mars/Olympus', SUMMARY_DAYS: 'someday', SUMMARY_CHANNEL: '#general', SUMMARY_CATCHUP_HOURS: '-1' });
    expect(error.problems).toHaveLength(5);
    expect(error.message).toContain('SUMMARY_TIME="25:99" is not valid: expected a 24-hour time as HH:MM, e.g. 09:00');
    expect(error.message).toContain('SUMMARY_TIMEZONE="Mars/Olympus" is not valid: expected an IANA time zone name');
    expect(error.message).toContain('SUMMARY_DAYS="someday" is not valid: expected days as mon-fri, mon,wed,fri or daily');
    expect(error.message).toContain('SUMMARY_CHANNEL="#general" is not valid: expected a channel ID');
    expect(error.message).toContain('SUMMARY_CATCHUP_HOURS="-1" is not valid');
  });

  it('reads the desk: feeds, their poll, the briefing\'s size and private fetching; each bad one named', () => {
    expect(loadConfig({}).desk).toEqual({ feeds: [], feedsPollSeconds: 900, allowPrivate: false });
    const desk = loadConfig({ KNOWLEDGE_FEEDS: 'https://a.example/rss, http://b.example/atom.xml', KNOWLEDGE_FEEDS_POLL_SECONDS: '60', KNOWLEDGE_MAX_ARTICLES: '30', FETCH_ALLOW_PRIVATE: 'true' }).desk;
    expect(desk).toEqual({ feeds: ['https://a.example/rss', 'http://b.example/atom.xml'], feedsPollSeconds: 60, maxArticles: 30, allowPrivate: true });
    const error = errorOf({ KNOWLEDGE_FEEDS: 'ftp://a.example/rss', KNOWLEDGE_FEEDS_POLL_SECONDS: '0', KNOWLEDGE_MAX_ARTICLES: 'ten', FETCH_ALLOW_PRIVATE: 'maybe' });
    expect(error.problems).toEqual([
      'KNOWLEDGE_FEEDS="ftp://a.example/rss" is not valid: expected http(s) feed URLs separated by commas, e.g. https://example.com/news.rss',
      'KNOWLEDGE_FEEDS_POLL_SECONDS="0" is not valid: expected a number from 1 to 86400',
      'KNOWLEDGE_MAX_ARTICLES="ten" is not valid: expected a whole number from 1 to 1000000',
      'FETCH_ALLOW_PRIVATE="maybe" is not valid: expected true or false',
    ]);
  });

  it('reads the team\'s embedding model: the endpoint, the model it needs, the key never echoed', () => {
    expect(loadConfig({}).embeddings).toBeUndefined();
    expect(loadConfig({ EMBEDDINGS_URL: 'http://localhost:11434/v1', EMBEDDINGS_MODEL: 'nomic-embed-text' }).embeddings).toEqual({ url: 'http://localhost:11434/v1', model: 'nomic-embed-text' });
    expect(loadConfig({ EMBEDDINGS_URL: 'https://api.example.com/v1/embeddings', EMBEDDINGS_MODEL: 'm', EMBEDDINGS_API_KEY: 'sk-abc' }).embeddings?.apiKey).toBe('sk-abc');
    expect(errorOf({ EMBEDDINGS_URL: 'http://localhost:11434/v1' }).problems).toEqual([
      'EMBEDDINGS_MODEL is missing: EMBEDDINGS_URL needs the name of the model to ask for, e.g. nomic-embed-text (Ollama) or text-embedding-3-small',
    ]);
    expect(errorOf({ EMBEDDINGS_MODEL: 'm', EMBEDDINGS_API_KEY: 'sk-secret-value' }).problems).toEqual([
      'EMBEDDINGS_URL is missing: EMBEDDINGS_MODEL and EMBEDDINGS_API_KEY are used only with the endpoint, e.g. http://localhost:11434/v1',
    ]);
    const bad = errorOf({ EMBEDDINGS_URL: 'http://user:sk-secret@host/v1', EMBEDDINGS_MODEL: 'm' });
    expect(bad.problems[0]).toMatch(/^EMBEDDINGS_URL="http:\/\/\*\*\*@host\/v1" is not valid: expected an http\(s\) URL of an OpenAI-compatible embeddings endpoint/u);
    expect(bad.message).not.toContain('sk-secret');
  });

  it('creates STATE_DIR when missing, and refuses one that is not a writable folder, naming it', () => {
    const parent = tempDir();
    const fresh = join(parent, 'state', 'nested');
    expect(loadConfig({ STATE_DIR: fresh }).stateDir).toBe(fresh);
    expect(existsSync(fresh)).toBe(true);
    const file = join(parent, 'a-file');
    writeFileSync(file, 'not a folder');
    const underFile = errorOf({ STATE_DIR: join(file, 'state') });
    expect(underFile.problems).toHaveLength(1);
    expect(underFile.message).toMatch(/STATE_DIR=".*a-file\/state" is not usable \(ENOTDIR/u);
    expect(underFile.message).toContain('expected a folder the bot can write to');
    expect(errorOf({ STATE_DIR: file }).message).toMatch(/STATE_DIR=".*a-file" is not usable/u);
  });
});
