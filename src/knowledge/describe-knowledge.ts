// A one-line description of what the knowledge holds, for banners and help: a few titles, then a count.

/** `A; B; C` for a few documents, `A; B; C and 9,997 more` for many. */
export function describeTitles(titles: readonly string[], shown = 3): string {
  const head = titles.slice(0, shown).join('; ');
  const rest = titles.length - shown;
  return rest > 0 ? `${head} and ${rest.toLocaleString('en-US')} more` : head;
}
