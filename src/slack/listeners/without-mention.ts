// The question in a message that mentions the bot: the bot's own mentions taken out, wherever they are.

/**
 * A remover of the bot's mentions (`<@UBOT>` or `<@UBOT|name>`) from message text, for one listener: it keeps the
 * pattern of each bot user ID it has met. Without an ID, a mention at the start of the text is removed.
 */
export function mentionRemover(): (text: string, botUserId: string | undefined) => string {
  const patterns = new Map<string, RegExp>();
  return function withoutMention(text, botUserId) {
    let mention = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/u;
    if (botUserId) {
      mention = patterns.get(botUserId) ?? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'gu');
      patterns.set(botUserId, mention);
    }
    return text.replace(mention, ' ').trim();
  };
}
