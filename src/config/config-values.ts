// Parsers for single setting values; each returns the value or a sentence saying what was expected.

/** A parse result: the value, or what the setting should look like. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

/** Levels pino knows. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `HH:MM`, 24-hour. */
export function parseTime(text: string): Parsed<{ hour: number; minute: number }> {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/u.exec(text.trim());
  if (!match) return fail('a 24-hour time as HH:MM, e.g. 09:00');
  return ok({ hour: Number(match[1]), minute: Number(match[2]) });
}

/** An IANA time zone name. */
export function parseTimeZone(text: string): Parsed<string> {
  try {
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: text.trim() }).resolvedOptions().timeZone);
  } catch {
    return fail('an IANA time zone name, e.g. UTC or Europe/London');
  }
}

/** `mon-fri`, `mon,wed,fri`, `daily`: the days of the week as numbers (0 = Sunday), sorted. */
export function parseDays(text: string): Parsed<number[]> {
  const expected = 'days as mon-fri, mon,wed,fri or daily';
  const spec = text.trim().toLowerCase();
  if (spec === 'daily' || spec === '*' || spec === 'every day') return ok([0, 1, 2, 3, 4, 5, 6]);
  const days = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const [from, to, extra] = part.split('-').map(dayNumber);
    if (from === undefined || extra !== undefined || from < 0 || (to !== undefined && to < 0)) return fail(expected);
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (to === undefined || d === to) break;
    }
  }
  return days.size > 0 ? ok([...days].sort()) : fail(expected);
}

/** One day of the week (`mon`, `monday`…) as its number (0 = Sunday). */
export function parseDay(text: string): Parsed<number> {
  const day = dayNumber(text.toLowerCase());
  return day >= 0 ? ok(day) : fail('a day of the week, e.g. mon or monday');
}

const DAY_WORDS: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

function dayNumber(name: string): number {
  return DAY_WORDS[name.trim()] ?? -1;
}

/** A whole number within `[min, max]`. */
export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  const value = Number(text.trim());
  if (!/^\d+$/u.test(text.trim()) || value < min || value > max) return fail(`a whole number from ${min} to ${max}`);
  return ok(value);
}

/** A number within `[min, max]` (fractions allowed). */
export function parseNumber(text: string, min: number, max: number): Parsed<number> {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) return fail(`a number from ${min} to ${max}`);
  return ok(value);
}

/** An http(s) URL; returned with a trailing slash, as the Slack Web API client expects a base URL. */
export function parseBaseUrl(text: string): Parsed<string> {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return ok(url.href.endsWith('/') ? url.href : `${url.href}/`);
  } catch {
    return fail('an http(s) URL, e.g. https://slack.com/api/');
  }
}

/** An http(s) endpoint URL, kept as given (no credentials in it: a key goes in its own setting). */
export function parseEndpointUrl(text: string): Parsed<string> {
  const expected = 'an http(s) URL of an OpenAI-compatible embeddings endpoint, e.g. http://localhost:11434/v1 or https://api.openai.com/v1/embeddings';
  try {
    const url = new URL(text.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return fail(expected);
    return ok(url.href);
  } catch {
    return fail(expected);
  }
}

/** A Slack token with the given prefix (`xoxb-`, `xapp-`). */
export function parseToken(text: string, prefix: string): Parsed<string> {
  const token = text.trim();
  return token.startsWith(prefix) && token.length > prefix.length + 8 && !/\s/u.test(token)
    ? ok(token)
    : fail(`a whole token starting with ${prefix}, as copied from the Slack app's settings`);
}

/** A Slack channel ID such as C0123456789 (not a #name). */
export function parseChannelId(text: string): Parsed<string> {
  const id = text.trim();
  return /^[CGD][A-Z0-9]{6,}$/u.test(id) ? ok(id) : fail('a channel ID such as C0123456789 (not a #name)');
}

/** One of a few words, in any case. */
export function parseChoice<T extends string>(text: string, choices: readonly T[]): Parsed<T> {
  const folded = text.trim().toLowerCase();
  const found = choices.find((c) => c === folded);
  return found === undefined ? fail(choices.join(' or ')) : ok(found);
}

/** A Redis URL: `redis://` or `rediss://` (TLS), with an optional user, password and database number. */
export function parseRedisUrl(text: string): Parsed<string> {
  try {
    const url = new URL(text.trim());
    if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) throw new Error('protocol');
    return ok(url.href);
  } catch {
    return fail('a Redis URL, e.g. redis://localhost:6379 or rediss://user:password@host:6380/0');
  }
}

/** Slack user IDs separated by commas (`U0123ABC,W0456DEF`). */
export function parseUserIds(text: string): Parsed<string[]> {
  const ids = text.split(',').map((t) => t.trim()).filter(Boolean);
  return ids.length > 0 && ids.every((id) => /^[UW][A-Z0-9]{2,}$/u.test(id)) ? ok(ids) : fail('Slack user IDs separated by commas, e.g. U0123ABCD,U0456EFGH');
}

/** http(s) URLs separated by commas (`https://example.com/rss,https://example.org/atom.xml`). */
export function parseUrls(text: string): Parsed<string[]> {
  const expected = 'http(s) feed URLs separated by commas, e.g. https://example.com/news.rss';
  const urls: string[] = [];
  for (const part of text.split(',').map((t) => t.trim()).filter(Boolean)) {
    try {
      const url = new URL(part);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(expected);
      urls.push(url.href);
    } catch {
      return fail(expected);
    }
  }
  return urls.length > 0 ? ok(urls) : fail(expected);
}

/** `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`). */
export function parseBoolean(text: string): Parsed<boolean> {
  const word = text.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(word)) return ok(true);
  if (['false', '0', 'no', 'off'].includes(word)) return ok(false);
  return fail('true or false');
}
