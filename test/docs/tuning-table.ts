// The tuning table of docs/design.md, generated from the code's defaults objects so that it cannot drift from them:
// every key (nested keys joined with dots), its value, and the JSDoc comment written above the key in the source.
// `npm run docs` rewrites the table between the markers; tuning-table.test.ts fails when the two differ.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECISION_DEFAULTS, FEATURE_DESCRIPTIONS, FUSED_DECISION_DEFAULTS, QUESTIONS_TO_TRY_DEFAULTS } from '../../src/answers/index.js';
import { DEFAULTS } from '../../src/config/config.js';
import { FEED_DEFAULTS } from '../../src/desk/index.js';
import { EMBEDDINGS_DEFAULTS } from '../../src/embeddings/index.js';
import { EXTRACT_LIMITS, HTML_DEFAULTS } from '../../src/extract/index.js';
import { FETCH_DEFAULTS } from '../../src/fetch/index.js';
import { REPLY_DEFAULTS } from '../../src/slack/post-reply.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

/** The document the table lives in, and the markers around it. */
export const DESIGN_DOC = join(ROOT, 'docs', 'design.md');
export const START_MARKER = '<!-- tuning:start -->';
export const END_MARKER = '<!-- tuning:end -->';

/** A defaults object to document. `types` names interfaces (in any file of src/) whose JSDoc also describes its keys. */
interface Documented {
  name: string;
  value: object;
  types?: string[];
  /** Descriptions that live in code rather than in comments, by flattened key. */
  describe?: (key: string) => string | undefined;
}

const featureWeight = (key: string): string | undefined => {
  const feature = /^weights\.(\w+)$/u.exec(key)?.[1];
  return feature === undefined ? undefined : FEATURE_DESCRIPTIONS[feature as keyof typeof FEATURE_DESCRIPTIONS];
};

/** The objects, in the order of the table. */
export const DOCUMENTED: readonly Documented[] = [
  { name: 'DECISION_DEFAULTS', value: DECISION_DEFAULTS, types: ['DecisionDefaults', 'CandidateLimits'], describe: featureWeight },
  { name: 'FUSED_DECISION_DEFAULTS', value: FUSED_DECISION_DEFAULTS, types: ['DecisionDefaults', 'CandidateLimits'], describe: featureWeight },
  { name: 'QUESTIONS_TO_TRY_DEFAULTS', value: QUESTIONS_TO_TRY_DEFAULTS },
  { name: 'EMBEDDINGS_DEFAULTS', value: EMBEDDINGS_DEFAULTS },
  { name: 'REPLY_DEFAULTS', value: REPLY_DEFAULTS },
  { name: 'FETCH_DEFAULTS', value: FETCH_DEFAULTS, types: ['FetchLimits'] },
  { name: 'FEED_DEFAULTS', value: FEED_DEFAULTS },
  { name: 'EXTRACT_LIMITS', value: EXTRACT_LIMITS },
  { name: 'HTML_DEFAULTS', value: HTML_DEFAULTS },
  { name: 'DEFAULTS', value: DEFAULTS, describe: settingOf },
];

let sourceFiles: Map<string, string> | undefined;

/** Every .ts file under src/, by path relative to the project, with its text. */
function sources(): Map<string, string> {
  if (sourceFiles) return sourceFiles;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  sourceFiles = new Map(walk(SRC).sort().map((file) => [relative(ROOT, file), readFileSync(file, 'utf8')]));
  return sourceFiles;
}

/** The file of src/ whose text matches `pattern` first (undefined when none does). */
function fileMatching(pattern: RegExp): string | undefined {
  for (const [file, text] of sources()) if (pattern.test(text)) return file;
  return undefined;
}

/** Where `export const NAME` is written. */
export function definingFile(name: string): string {
  const file = fileMatching(new RegExp(`export const ${name}\\b`, 'u'));
  if (file === undefined) throw new Error(`tuning table: no file of src/ exports const ${name}`);
  return file;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The text of a JSDoc comment on one line: stars, tags and links unwrapped. */
function plainComment(body: string): string {
  return body
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/u, ''))
    .join(' ')
    .replace(/\{@link\s+([^}\s]+)\s*\}/gu, '`$1`')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The JSDoc comment written right above `key:` (or `key?:`) in `text`, if any. */
export function commentAbove(text: string, key: string): string | undefined {
  const pattern = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*(?:readonly\\s+)?${escapeRegExp(key)}\\??\\s*:`, 'u');
  const body = pattern.exec(text)?.[1];
  return body === undefined ? undefined : plainComment(body);
}

/** The slice of `text` from `export const NAME` to the end of its object literal (braces counted). */
function literalOf(text: string, name: string): string {
  const start = text.search(new RegExp(`export const ${name}\\b`, 'u'));
  if (start < 0) return '';
  const open = text.indexOf('{', start);
  let depth = 0;
  for (let i = open; i >= 0 && i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && (depth -= 1) === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** For config's DEFAULTS: the environment variable whose default the key is. */
function settingOf(key: string): string | undefined {
  const file = definingFile('DEFAULTS');
  const text = sources().get(file) ?? '';
  const sameLine = text
    .split('\n')
    .filter((line) => line.includes(`DEFAULTS.${key}`))
    .map((line) => /'([A-Z][A-Z_]+)'/u.exec(line)?.[1])
    .find((name) => name !== undefined);
  const snake = key.replace(/([a-z])([A-Z])/gu, '$1_$2').toUpperCase();
  const name = sameLine ?? (text.includes(`'${snake}'`) ? snake : undefined);
  return name === undefined ? undefined : `default of \`${name}\``;
}

/** Every leaf of `value`, nested keys joined with dots (arrays and functions are leaves). */
export function flatten(value: object, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, inner]): [string, unknown][] => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? flatten(inner as object, path) : [[path, inner]];
  });
}

/** Digits grouped in thousands from 10,000 up (a port of 3000 stays as written). */
const groupThousands = (digits: string): string => (digits.replace('-', '').length < 5 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ','));

/** A value as the table shows it: numbers with thousands grouped, strings quoted, paths relative to the project. */
export function showValue(value: unknown): string {
  if (typeof value === 'number') {
    const [whole = '', fraction] = String(value).split('.');
    return `\`${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}\``;
  }
  if (typeof value === 'string') {
    const shown = value.startsWith(ROOT) ? relative(ROOT, value) || '.' : value;
    return `\`'${shown}'\``;
  }
  if (typeof value === 'function') return `function \`${value.name || 'anonymous'}\``;
  if (Array.isArray(value)) return value.map((item) => showValue(item)).join(', ');
  return `\`${String(value)}\``;
}

const cell = (text: string): string => text.replace(/\|/gu, '\\|');

/**
 * What the key means: code-held descriptions first, then the JSDoc above the key in the object, its file, its types;
 * failing those, the JSDoc of the object itself.
 */
function describeKey(item: Documented, file: string, key: string): string {
  const fromCode = item.describe?.(key);
  if (fromCode !== undefined) return fromCode;
  const last = key.split('.').at(-1) ?? key;
  const text = sources().get(file) ?? '';
  const typeFiles = (item.types ?? []).map((type) => fileMatching(new RegExp(`(?:interface|type) ${type}\\b`, 'u')));
  const places = [literalOf(text, item.name), text, ...typeFiles.map((f) => (f === undefined ? '' : sources().get(f) ?? ''))];
  for (const place of places) {
    const comment = commentAbove(place, last);
    if (comment !== undefined) return comment;
  }
  const own = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export const ${item.name}\\b`, 'u').exec(text)?.[1];
  return own === undefined ? '' : plainComment(own);
}

/** The markdown between the markers: where each object is defined, then one row per key. */
export function tuningTable(): string {
  const files = DOCUMENTED.map((item) => definingFile(item.name));
  const rows = DOCUMENTED.flatMap((item, i) =>
    flatten(item.value).map(([key, value]) => `| \`${item.name}\` | \`${key}\` | ${cell(showValue(value))} | ${cell(describeKey(item, files[i] ?? '', key))} |`),
  );
  return [
    'Generated by `npm run docs` from the objects themselves; do not edit by hand. Folders in values are relative to the project.',
    '',
    ...DOCUMENTED.map((item, i) => `- \`${item.name}\`: [\`${files[i]}\`](../${files[i]})`),
    '',
    '| object | key | value | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The table as docs/design.md holds it now (undefined when the markers are missing). */
export function tableInDoc(doc = readFileSync(DESIGN_DOC, 'utf8')): string | undefined {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + START_MARKER.length, end).trim();
}

/** `doc` with the generated table between the markers. */
export function withTable(doc: string, table = tuningTable()): string {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`tuning table: ${relative(ROOT, DESIGN_DOC)} has no ${START_MARKER} … ${END_MARKER}`);
  return `${doc.slice(0, start + START_MARKER.length)}\n${table}\n${doc.slice(end)}`;
}

// `node --import tsx test/docs/tuning-table.ts` prints the table; with `--write` it rewrites docs/design.md.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write')) {
    const doc = readFileSync(DESIGN_DOC, 'utf8');
    const next = withTable(doc);
    if (next !== doc) writeFileSync(DESIGN_DOC, next);
    console.log(`${relative(ROOT, DESIGN_DOC)}: tuning table ${next === doc ? 'already up to date' : 'rewritten'}`);
  } else {
    console.log(tuningTable());
  }
}
