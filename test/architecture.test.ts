// The house rules from STYLE.md, checked on every run: the layers run one way, each folder is entered through its
// index.ts, the core knows nothing of Slack or the environment, the root of src/ holds only the entry, no file sprawls.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The modules (folders of src/) from the top down: a module may import only the modules of the layers below its own.
 * A new folder must be given a place here.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['cli'], // commands run by hand: ask, summary, gaps, the index builder
  ['app'], // the wiring: settings and logger in, a running bot out
  ['slack'], // Slack at the edge: the app, listeners per surface, Block Kit, receivers (HTTP, Socket Mode, console)
  ['desk'], // the editors' desk: articles added from a link, a file or a feed, and removed
  ['live', 'feedback', 'embeddings', 'schedule'], // services: the followed folder, readers' feedback, a model, posts
  ['answers'], // core: question → answer
  ['search', 'summary', 'extract'], // core: the index, the summary, pages and files → articles
  ['knowledge', 'lexicon', 'text', 'fetch', 'store', 'config'], // the ground floor: articles, words, and adapters
];
/** The core: pure, no Slack, no environment, no logger. */
const CORE = ['knowledge', 'text', 'search', 'answers', 'summary', 'lexicon', 'extract'];
/** What may sit at the root of src/: the entry point and the one logger. */
const ROOT_FILES = ['logger.ts', 'main.ts'];
const MAX_LINES = 250;

const layerOf = (module: string): number => LAYERS.findIndex((layer) => layer.includes(module));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const allFiles = filesUnder(SRC);
const moduleOf = (file: string): string => file.slice(SRC.length).split('/')[0] ?? '';
const coreFiles = allFiles.filter((f) => CORE.includes(moduleOf(f)));
const modules = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every module a file imports (relative imports that leave its own folder), with the file named. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): { module: string; target: string }[] {
  const own = moduleOf(file);
  const depth = file.slice(SRC.length).split('/').length - 1;
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'((?:\.\.?\/)+)([^']*)'/gu)].flatMap((m) => {
    const ups = (m[1] ?? '').split('/').filter((s) => s === '..').length;
    const path = (m[2] ?? '').split('/');
    if (ups < depth) return []; // stays inside its own module
    const module = ups === depth ? (path.length > 1 ? path[0] : '') : '(outside src)';
    if (module === own) return [];
    return [{ module: module ?? '', target: path.slice(1).join('/') }];
  });
}

describe('the tree', () => {
  it('has at most three files at the root of src/, each allowed there', () => {
    const root = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(root.length).toBeLessThanOrEqual(3);
    expect(root).toEqual(ROOT_FILES);
  });

  it('places every module in a layer, and every module has an index.ts', () => {
    expect(modules.filter((m) => layerOf(m) < 0)).toEqual([]);
    expect(modules.filter((m) => m !== 'cli' && !readdirSync(join(SRC, m)).includes('index.ts'))).toEqual([]);
  });

  it.each(allFiles.map((f) => [f.slice(SRC.length), f]))(`%s has at most ${MAX_LINES} lines`, (_name, file) => {
    expect(readFileSync(file, 'utf8').split('\n').length - 1).toBeLessThanOrEqual(MAX_LINES);
  });
});

describe('the layers', () => {
  it.each(allFiles.filter((f) => moduleOf(f) !== f.slice(SRC.length)).map((f) => [f.slice(SRC.length), f]))(
    '%s imports only modules below its own, through their index.ts',
    (_name, file) => {
      const own = layerOf(moduleOf(file));
      const wrong = importsOf(file).filter(({ module, target }) => module !== '' && (layerOf(module) <= own || target !== 'index.js'));
      expect(wrong).toEqual([]);
    },
  );

  it('the root files import only downward: main.ts the wiring, logger.ts nothing of ours', () => {
    const imports = (name: string): string[] => [...readFileSync(join(SRC, name), 'utf8').matchAll(/from '(\.[^']+)'/gu)].map((m) => m[1] ?? '');
    expect(imports('logger.ts')).toEqual([]);
    expect(imports('main.ts').every((s) => /^\.\/(?:app|config)\/index\.js$|^\.\/logger\.js$/u.test(s))).toBe(true);
  });
});

describe('the core', () => {
  it('has files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });

  it.each(coreFiles.map((f) => [f.slice(SRC.length), f]))('%s imports no Slack, logger or config and reads no env', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from '@slack\//);
    expect(text).not.toMatch(/from '(?:\.\.\/)+(?:slack|config|logger)/);
    expect(text).not.toMatch(/process\.env/);
    expect(text).not.toMatch(/console\./);
  });
});

describe('the rule itself', () => {
  // The check above would pass on a tree it cannot read: it must see a wrong import for what it is.
  it('catches an import running up, one past an index.ts, and accepts one going down through its door', () => {
    const file = join(SRC, 'answers', 'reply.ts');
    expect(importsOf(file, "import { createSlackApp } from '../slack/index.js';")).toEqual([{ module: 'slack', target: 'index.js' }]);
    expect(importsOf(file, "import { tokenize } from '../text/tokenize.js';")).toEqual([{ module: 'text', target: 'tokenize.js' }]);
    expect(importsOf(file, "import { quote } from './quote.js';")).toEqual([]);
    expect(layerOf('slack')).toBeLessThan(layerOf('answers'));
    expect(layerOf('text')).toBeGreaterThan(layerOf('answers'));
  });
});

describe('the code and the story it ships with', () => {
  // The seed article is data: no code, comment or user-facing text may depend on it (answers must work on any article).
  const SEED_WORDS = /\b(?:putin|xi|jinping|beijing|moscow|russia|russian|china|chinese|kremlin|ukraine|taipei|taiwan|belt and road|bri)\b/iu;

  it.each(allFiles.map((f) => [f.slice(SRC.length), f]))('%s does not name the seed story', (_name, file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const naming = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => SEED_WORDS.test(line));
    expect(naming.map(([n, line]) => `${n}: ${line.trim()}`)).toEqual([]);
  });
});
