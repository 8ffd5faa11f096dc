// Makes text safe to put in a Slack message: no markup, mentions or pings can come through.

/**
 * Escapes raw text for mrkdwn: `&`, `<` and `>`, and nothing else (Slack's "Escaping text" rules). Text escaped
 * this way cannot hold a control sequence, so `<!channel>`, `<!here>` or `<!subteam^…>` typed by a user and
 * echoed back cannot ping anyone.
 */
export function escapeText(raw: string): string {
  return raw.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Prefixes every line with `>` so Slack shows the text as a quote. */
export function quoteLines(escaped: string): string {
  return escaped.split('\n').map((line) => `>${line}`).join('\n');
}

/** A bulleted list, one `•` line per item (items already escaped). */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}
