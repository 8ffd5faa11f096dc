// Reads the knowledge folder again and again, as editors change it: what was added, changed or removed since the
// last look, with the last good version of a file kept in service while it does not parse.
import type { Stats } from 'node:fs';
import { readdir, readFile, stat as statOf } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ALIASES_FILE, fromDocuments, KNOWLEDGE_EXTENSIONS, KnowledgeError, knowledgeHash, parseAliases, readKnowledgeFile,
  type AliasTable, type Knowledge, type KnowledgeDocument,
} from '../knowledge/index.js';

/** Files larger than this are not read as articles. */
export const MAX_FILE_BYTES = 1_048_576;
/** Files looked at (stat, read) at a time: the folder is read without holding up the event loop. */
const AT_ONCE = 64;

/** A file the folder holds but the bot does not use, and why (reported once per file and reason). */
export interface Skipped {
  file: string;
  reason: string;
}

/** A file that could not be used as it is now: where, and what the editor should fix. */
export interface FileProblem {
  file: string;
  line?: number;
  reason: string;
  /** Whether the file's last good version stays in service. */
  keptLastGood: boolean;
}

/** What one look at the folder found. */
export interface FolderScan {
  /** The knowledge now in service (documents in file-name order). */
  knowledge: Knowledge;
  aliases: AliasTable;
  added: KnowledgeDocument[];
  changed: KnowledgeDocument[];
  /** Ids of the documents no longer in service. */
  removed: string[];
  aliasesChanged: boolean;
  /** Problems found in this look (a file that stays broken is reported again only when it changes). */
  problems: FileProblem[];
  /** Files newly skipped in this look. */
  skipped: Skipped[];
  /** Set when the folder holds no usable article (or cannot be read): the previous knowledge stays in service. */
  emptyFolder?: string;
}

interface Seen {
  size: number;
  mtimeMs: number;
}

/** Whether a name is an editor's swap, backup or temporary file, or a hidden file. */
export function isEditorFile(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(?:swp|swo|swx|tmp|temp|bak|orig|part|crdownload)$/iu.test(name) || /^#.*#$/u.test(name);
}

/** The knowledge folder, read incrementally. */
export class KnowledgeFolder {
  private readonly inService = new Map<string, KnowledgeDocument>();
  private readonly seen = new Map<string, Seen>();
  private readonly reported = new Set<string>();
  private aliases: AliasTable = {};
  private aliasesSeen?: Seen;
  private built?: Knowledge;

  constructor(readonly dir: string) {}

  /** The knowledge in service (the same value until it changes). */
  knowledge(): Knowledge {
    if (!this.built) {
      const documents = [...this.inService.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      this.built = { ...fromDocuments(documents), contentHash: knowledgeHash(documents) };
    }
    return this.built;
  }

  /** Looks at the folder and brings the knowledge in service up to date with it. */
  async scan(): Promise<FolderScan> {
    const problems: FileProblem[] = [];
    const skipped: Skipped[] = [];
    const skip = (file: string, reason: string): void => {
      const key = `${file}\0${reason}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        skipped.push({ file, reason });
      }
    };
    let names: string[];
    try {
      if (!(await statOf(this.dir)).isDirectory()) throw new Error('not a folder');
      names = (await readdir(this.dir)).sort();
    } catch (error) {
      return this.unchanged(problems, skipped, `cannot read the knowledge folder ${this.dir} (${(error as Error).message})`);
    }

    const next = new Map<string, KnowledgeDocument>();
    const present = new Set<string>();
    const articles: string[] = [];
    for (const name of names) {
      const isArticle = KNOWLEDGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
      if (isEditorFile(name)) {
        if (isArticle || /\.(?:txt|md)\W/iu.test(name) || name.startsWith('.')) skip(name, "an editor's temporary, backup or hidden file");
        continue;
      }
      if (isArticle) articles.push(name);
    }
    const look = async (name: string): Promise<void> => {
      const path = join(this.dir, name);
      let stat: Stats;
      try {
        stat = await statOf(path);
      } catch {
        return; // Gone between the listing and now: the next look settles it.
      }
      if (!stat.isFile()) return;
      present.add(name);
      if (stat.size > MAX_FILE_BYTES) {
        skip(name, `larger than ${MAX_FILE_BYTES / 1_048_576} MB`);
        return;
      }
      const previous = this.inService.get(name);
      const seen = this.seen.get(name);
      if (seen && seen.size === stat.size && seen.mtimeMs === stat.mtimeMs) {
        if (previous) next.set(name, previous);
        return;
      }
      this.seen.set(name, { size: stat.size, mtimeMs: stat.mtimeMs });
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        problems.push({ file: name, reason: `cannot be read (${(error as Error).message})`, keptLastGood: previous !== undefined });
        if (previous) next.set(name, previous);
        return;
      }
      if (bytes.subarray(0, 8_192).includes(0)) {
        skip(name, 'a binary file, not text');
        return;
      }
      try {
        const document = readKnowledgeFile(name, bytes, stat.mtime);
        // Touched but not changed: the version in service stays (its modification time included).
        next.set(name, previous && previous.digest === document.digest ? previous : document);
      } catch (error) {
        const problem = error instanceof KnowledgeError ? error : new KnowledgeError(String(error), name);
        problems.push({ file: name, ...(problem.line ? { line: problem.line } : {}), reason: reasonOf(problem), keptLastGood: previous !== undefined });
        if (previous) next.set(name, previous);
      }
    };
    for (let at = 0; at < articles.length; at += AT_ONCE) await Promise.all(articles.slice(at, at + AT_ONCE).map(look));
    for (const name of [...this.seen.keys()]) if (!present.has(name)) this.seen.delete(name);
    // A skipped file that is gone is reported again if it comes back.
    const listed = new Set(names);
    for (const key of [...this.reported]) if (!listed.has(key.split('\0')[0] ?? '')) this.reported.delete(key);

    const aliasesChanged = await this.readAliases(problems);
    if (next.size === 0) {
      return this.unchanged(problems, skipped, `the knowledge folder ${this.dir} has no usable .txt or .md article`, aliasesChanged);
    }
    const added: KnowledgeDocument[] = [];
    const changed: KnowledgeDocument[] = [];
    for (const name of [...next.keys()].sort()) {
      const document = next.get(name) as KnowledgeDocument;
      const before = this.inService.get(name);
      if (!before) added.push(document);
      else if (before !== document) changed.push(document);
    }
    const removed = [...this.inService.values()].filter((d) => !next.has(d.file)).map((d) => d.id);
    if (added.length + changed.length + removed.length > 0) {
      this.inService.clear();
      for (const name of [...next.keys()].sort()) this.inService.set(name, next.get(name) as KnowledgeDocument);
      this.built = undefined;
    }
    return { knowledge: this.knowledge(), aliases: this.aliases, added, changed, removed, aliasesChanged, problems, skipped };
  }

  // The previous knowledge stays: a folder emptied by a half-finished copy must not leave the bot with nothing.
  private unchanged(problems: FileProblem[], skipped: Skipped[], why: string, aliasesChanged = false): FolderScan {
    return { knowledge: this.knowledge(), aliases: this.aliases, added: [], changed: [], removed: [], aliasesChanged, problems, skipped, emptyFolder: why };
  }

  // aliases.json: read when it changes; a broken one keeps the aliases in service.
  private async readAliases(problems: FileProblem[]): Promise<boolean> {
    const path = join(this.dir, ALIASES_FILE);
    let stat: Stats;
    try {
      stat = await statOf(path);
    } catch {
      if (this.aliasesSeen === undefined) return false;
      this.aliasesSeen = undefined;
      const had = Object.keys(this.aliases).length > 0;
      this.aliases = {};
      return had;
    }
    if (this.aliasesSeen && this.aliasesSeen.size === stat.size && this.aliasesSeen.mtimeMs === stat.mtimeMs) return false;
    this.aliasesSeen = { size: stat.size, mtimeMs: stat.mtimeMs };
    try {
      const aliases = parseAliases(await readFile(path, 'utf8'));
      const changed = JSON.stringify(aliases) !== JSON.stringify(this.aliases);
      this.aliases = aliases;
      return changed;
    } catch (error) {
      const problem = error instanceof KnowledgeError ? error : new KnowledgeError(String(error), ALIASES_FILE);
      problems.push({ file: ALIASES_FILE, ...(problem.line ? { line: problem.line } : {}), reason: reasonOf(problem), keptLastGood: true });
      return false;
    }
  }
}

// The error's own words, without the "knowledge: file:line:" prefix (the problem carries those).
function reasonOf(error: KnowledgeError): string {
  const prefix = `knowledge: ${error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : ''}`;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
