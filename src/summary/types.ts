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
}
