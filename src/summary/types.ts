// The summary value: what the daily post and `/briefing` show, independent of how it is rendered.

/** One key point: a sentence quoted from the article, with where it stands. */
export interface KeyPoint {
  text: string;
  /** 1-based paragraph number in the lead document. */
  paragraph: number;
}

/** A concise, extractive briefing of the lead document. */
export interface Summary {
  /** The lead document's id and file. */
  documentId: string;
  file: string;
  /** The document's title line, or its first sentence (without the dateline). */
  headline: string;
  /** 4 to 6 sentences from the article, in article order. */
  keyPoints: KeyPoint[];
  /** The FAQ questions, as prompts for what to ask. */
  askMe: string[];
  /** The source line, e.g. `apnews.com`. */
  source: string;
  /** The lead document's date (its `Date:` line, else the day its file was last changed). */
  date?: string;
  /** Whether the lead is new (or changed) since the previous post (only when that post is known). */
  isNew?: boolean;
  /** The other articles, newest first (at most {@link MAX_ALSO}). */
  also: OtherArticle[];
  /** How many more articles there are than `also` lists. */
  more: number;
  /** Set when the previous post is known and no article was added, changed or removed since. */
  unchanged?: boolean;
}

/** Another article of the briefing, named under the summary. */
export interface OtherArticle {
  title: string;
  file: string;
  date?: string;
  /** New (or changed) since the previous post. */
  isNew?: boolean;
}

/** Most other articles named under a summary. */
export const MAX_ALSO = 5;
