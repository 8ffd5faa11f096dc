// The front door stays true: the README's commands are what CI runs, every setting is documented, the README stays
// short, and its links (and those of the documents it points to) lead somewhere.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');
const ci = read('.ci/run');
const envExample = read('.env.example');
const configSource = read('src/config/config.ts') + read('src/config/config-values.ts');

/** The most lines the README may have: past it, move the detail to a document of its own and link it. */
const MAX_README_LINES = 200;
/** The documents the README links for the detail, checked for broken links too. */
const DOCUMENTS = ['README.md', 'docs/design.md', 'docs/operations.md', 'docs/knowledge-format.md', 'bench/README.md', 'test/eval/README.md'];

const variablesIn = (text: string, pattern: RegExp): string[] => [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? ''))].sort();

/** The text of a `## heading` section, up to the next `## `. */
const section = (text: string, heading: string): string => text.split(`\n## ${heading}`)[1]?.split('\n## ')[0] ?? '';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/gu, '-');

/** The anchors of a markdown document's headings (code blocks left out). */
const anchorsIn = (text: string): Set<string> =>
  new Set(text.replace(/^```[\s\S]*?^```/gmu, '').split('\n').flatMap((line) => /^#{1,6}\s+(.*)$/u.exec(line)?.[1] ?? []).map(anchorOf));

/** Every relative link of a markdown document (`[text](target)`, code blocks and inline code left out). */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gmu, '').replace(/`[^`\n]*`(?!\])/gu, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/gu)].map((m) => m[1] ?? '').filter((target) => !/^[a-z][a-z+.-]*:/iu.test(target));
}

/** What is wrong with each relative link of `document`: a missing file, or a missing heading for its anchor. */
function brokenLinks(document: string): string[] {
  const text = read(document);
  return relativeLinks(text).flatMap((target) => {
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? join(ROOT, document) : join(ROOT, dirname(document), path);
    if (!existsSync(file)) return [`${document}: ${target} (no ${relative(ROOT, file) || '.'})`];
    if (anchor !== undefined && file.endsWith('.md') && !anchorsIn(readFileSync(file, 'utf8')).has(anchor)) {
      return [`${document}: ${target} (no heading for #${anchor})`];
    }
    return [];
  });
}

describe('README and CI', () => {
  it('gives the quick start exactly: npm ci, npm start, npm test', () => {
    const quickStart = section(readme, 'Quick start');
    expect(quickStart).toMatch(/^npm ci$/m);
    expect(quickStart).toMatch(/^npm start\b/m);
    expect(quickStart).toMatch(/^npm test\b/m);
  });

  it('.ci/run installs with npm ci and runs the README’s test command', () => {
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toMatch(/set -euo pipefail/);
  });
});

describe('the README stays a front door', () => {
  it(`has at most ${MAX_README_LINES} lines`, () => {
    const lines = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0);
    expect(lines, 'README.md is too long: move the detail into docs/ and link it').toBeLessThanOrEqual(MAX_README_LINES);
  });

  it('links only to files that exist', () => {
    expect(relativeLinks(readme).length).toBeGreaterThan(0);
    expect(brokenLinks('README.md')).toEqual([]);
  });

  it.each(DOCUMENTS.filter((d) => d !== 'README.md'))('%s links only to files and headings that exist', (document) => {
    expect(brokenLinks(document)).toEqual([]);
  });
});

describe('settings documentation', () => {
  const readByCode = variablesIn(configSource, /'([A-Z][A-Z_]+)'/g).filter((v) => /^(SLACK|SUMMARY|LOG|KNOWLEDGE|STATE|PORT|REDIS|BRIEFING|FEEDBACK|GAPS|FETCH|EMBEDDINGS)/.test(v));
  const inExample = variablesIn(envExample, /^(?:# )?([A-Z][A-Z_]+)=/gm);
  const inTable = variablesIn(section(readme, 'Configuration'), /^\| `([A-Z][A-Z_]+)`/gm);

  it('.env.example has every variable the code reads, and no other', () => {
    expect(inExample).toEqual(readByCode);
  });

  it('the README table under ## Configuration lists the same set', () => {
    expect(inTable).toEqual(inExample);
  });
});
