// The editors' desk: articles added from a link or a file and removed by name, written to the knowledge folder that
// the live knowledge follows; the oldest retired beyond the briefing's size. One change at a time.
import { join } from 'node:path';
import { extractApart, ExtractError, type ExtractedArticle, type ExtractInput } from '../extract/index.js';
import { FetchRefused, type SafeFetcher } from '../fetch/index.js';
import { newestFirst, type Knowledge, type KnowledgeDocument } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import { articleText, bodyDigest, documentBodyDigest, fileNameFor } from './article-file.js';
import { DeskError } from './desk-error.js';
import { findArticle } from './find-article.js';
import { archive, namesIn, readIfPresent, stemsOf, writeWhole } from './folder-files.js';
import { MAX_FILE_BYTES } from '../live/index.js';

/** A change the desk made, as other replicas apply it to their own folders. */
export type DeskChange = { op: 'add'; file: string; text: string; at: number } | { op: 'remove'; file: string; at: number };

/** What the desk needs. */
export interface DeskOptions {
  /** The knowledge folder (`KNOWLEDGE_DIR`). */
  dir: string;
  /** The knowledge in service. */
  knowledge: () => Knowledge;
  /** Reads the folder now and puts what changed in service. */
  refresh: () => Promise<void>;
  fetcher: SafeFetcher;
  logger: Logger;
  /** Most articles kept (`KNOWLEDGE_MAX_ARTICLES`): beyond, the oldest are archived. Default: no limit. */
  maxArticles?: number;
  /** Questions the engine answers from a document, shown after an add. Default: none. */
  questionsFor?: (document: KnowledgeDocument) => string[];
  /** Told of each add and remove (for the other replicas). */
  onChange?: (change: DeskChange) => Promise<void>;
  /** Claims a new file name for this desk among all replicas (false: another took it). Default: always granted. */
  reserveName?: (file: string) => Promise<boolean>;
  /** Reads a page or file. Default: in a separate process, bounded in memory and time. */
  extract?: (input: ExtractInput) => Promise<ExtractedArticle>;
  now?: () => Date;
}

/** What an add did. */
export interface Added {
  /** `added` a new article; `replaced` the one from the same link (the page changed); `unchanged`: already in. */
  status: 'added' | 'replaced' | 'unchanged';
  file: string;
  title: string;
  paragraphs: number;
  /** Questions to try, answered from the article. */
  questions: string[];
  /** Articles archived to keep the briefing within `maxArticles`. */
  retired: string[];
}

/** Who asked, for the log. */
export interface Editor {
  user: string;
}

/** The desk over one knowledge folder. */
export class Desk {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  private readonly extract: (input: ExtractInput) => Promise<ExtractedArticle>;

  constructor(private readonly options: DeskOptions) {
    this.now = options.now ?? (() => new Date());
    this.extract = options.extract ?? ((input) => extractApart(input));
  }

  /** Fetches the page at `url` and adds its article. @throws DeskError with the reason in one line. */
  addUrl(url: string, editor: Editor): Promise<Added> {
    return this.serially(async () => {
      const fetched = await this.options.fetcher.fetch(url).catch(rethrow);
      const article = await this.extract({ bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url, ...(fetched.charset ? { charset: fetched.charset } : {}) }).catch(rethrow);
      // The link as given is the article's source: a second add of it finds this one, redirects or not.
      return this.add({ ...article, sources: [url.trim()] }, editor, url.trim());
    });
  }

  /** Adds the article in a file (its bytes and name). @throws DeskError with the reason in one line. */
  addFile(file: Pick<ExtractInput, 'bytes' | 'name' | 'contentType'>, editor: Editor): Promise<Added> {
    return this.serially(async () => this.add(await this.extract(file).catch(rethrow), editor, file.name ?? 'a file'));
  }

  /** Archives the one article `query` names (file name or title words). @throws DeskError */
  remove(query: string, editor: Editor): Promise<{ file: string; title: string }> {
    return this.serially(async () => {
      const documents = this.options.knowledge().documents;
      const document = findArticle(documents, query);
      if (documents.length === 1) throw new DeskError('that is the only article in the briefing: add another before removing it');
      await archive(this.options.dir, document.file, this.now());
      await this.options.refresh();
      this.options.logger.info({ user: editor.user, file: document.file }, 'desk: article removed (archived)');
      await this.tell({ op: 'remove', file: document.file, at: this.now().getTime() });
      return { file: document.file, title: document.title };
    });
  }

  /** Archives the oldest articles beyond `maxArticles` (never `keep`). Resolves with the files archived. */
  retain(keep?: string): Promise<string[]> {
    return this.serially(() => this.retire(keep));
  }

  /** Applies a change another replica made, unless this folder already has it or has a newer version. */
  apply(change: DeskChange): Promise<void> {
    return this.serially(async () => {
      const path = join(this.options.dir, change.file);
      const present = await readIfPresent(path);
      if (change.op === 'add') {
        if (present && (present.text === change.text || present.modified > change.at)) return;
        // Dated as the change, not as now: a later remove of it must find it older than itself.
        await writeWhole(this.options.dir, change.file, change.text, new Date(change.at));
      } else {
        if (!present || present.modified > change.at) return;
        await archive(this.options.dir, change.file, this.now());
      }
      await this.options.refresh();
      this.options.logger.info({ file: change.file, op: change.op }, 'desk: applied a change made on another replica');
    });
  }

  private async add(article: ExtractedArticle, editor: Editor, from: string): Promise<Added> {
    const { dir, knowledge, logger } = this.options;
    const documents = knowledge().documents;
    const digest = bodyDigest(article.paragraphs);
    const link = article.sources?.[0];
    // The same link: an article the desk added from it (its one source), not a file that merely cites the page.
    const sameLink = link && /^https?:\/\//iu.test(link) ? documents.find((d) => d.sources.length === 1 && d.sources[0] === link) : undefined;
    const sameText = documents.find((d) => documentBodyDigest(d) === digest);
    const already = sameText ?? (sameLink && documentBodyDigest(sameLink) === digest ? sameLink : undefined);
    if (already) return { status: 'unchanged', file: already.file, title: already.title, paragraphs: countParagraphs(already), questions: [], retired: [] };
    let text: string;
    try {
      text = articleText(article, { date: this.now().toISOString().slice(0, 10) });
    } catch (error) {
      rethrow(error);
    }
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new DeskError(`the article is longer than the briefing reads (${MAX_FILE_BYTES / 1_048_576} MB of text)`);
    const file = sameLink?.file ?? (await this.newName(article.title ?? firstWords(article.paragraphs[0] ?? '')));
    try {
      // The version replaced goes to the archive first: nothing an editor wrote is lost.
      if (sameLink) await archive(dir, sameLink.file, this.now(), { copy: true });
      await writeWhole(dir, file, text);
    } catch (error) {
      logger.error({ err: String(error), file }, 'desk: could not write to the knowledge folder');
      throw new DeskError(`the article could not be written to the knowledge folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    await this.options.refresh();
    const document = knowledge().documents.find((d) => d.file === file);
    if (!document) throw new DeskError('the article was written but the briefing has not taken it yet: check the bot’s log');
    logger.info({ user: editor.user, file, from: /^https?:/iu.test(from) ? from : undefined, paragraphs: countParagraphs(document), replaced: Boolean(sameLink) }, sameLink ? 'desk: article replaced' : 'desk: article added');
    await this.tell({ op: 'add', file, text, at: this.now().getTime() });
    const retired = await this.retire(file);
    return {
      status: sameLink ? 'replaced' : 'added',
      file,
      title: document.title,
      paragraphs: countParagraphs(document),
      questions: this.options.questionsFor?.(document) ?? [],
      retired,
    };
  }

  // A name for a new article that no file here has (whatever its extension) and no other replica has claimed.
  private async newName(title: string): Promise<string> {
    const taken = stemsOf(await namesIn(this.options.dir));
    for (;;) {
      const file = fileNameFor(title, taken);
      if (!this.options.reserveName || (await this.options.reserveName(file))) return file;
      taken.add(file.replace(/\.txt$/u, ''));
    }
  }

  private async retire(keep?: string): Promise<string[]> {
    const { maxArticles, dir, knowledge, logger } = this.options;
    const documents = knowledge().documents;
    if (maxArticles === undefined || documents.length <= maxArticles) return [];
    const oldest = newestFirst(documents.filter((d) => d.file !== keep)).slice(Math.max(maxArticles - (keep ? 1 : 0), 0));
    const retired: string[] = [];
    for (const document of oldest) {
      await archive(dir, document.file, this.now());
      retired.push(document.file);
      await this.tell({ op: 'remove', file: document.file, at: this.now().getTime() });
    }
    await this.options.refresh();
    logger.info({ files: retired, maxArticles }, 'desk: oldest articles archived (KNOWLEDGE_MAX_ARTICLES)');
    return retired;
  }

  private async tell(change: DeskChange): Promise<void> {
    await this.options.onChange?.(change).catch((error: unknown) => this.options.logger.warn({ err: String(error), file: change.file }, 'desk: could not tell the other replicas of a change'));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

// A fetch or extraction failure, as the editor's one line.
function rethrow(error: unknown): never {
  if (error instanceof FetchRefused || error instanceof ExtractError) throw new DeskError(error.message);
  throw error;
}

function countParagraphs(document: KnowledgeDocument): number {
  return document.passages.filter((p) => p.kind === 'paragraph').length;
}

function firstWords(text: string): string {
  return text.split(/\s+/u).slice(0, 8).join(' ');
}
