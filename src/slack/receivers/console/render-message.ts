// Renders a Slack message (Block Kit, else its text) as terminal text: bold, quotes, bullets, context, buttons.
import type { types } from '@slack/bolt';

/** Terminal styles; plain when colour is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
}

/** ANSI styles, or none. */
export function stylesFor(colour: boolean): Styles {
  return colour
    ? { bold: (t) => `\u001b[1m${t}\u001b[22m`, dim: (t) => `\u001b[2m${t}\u001b[22m` }
    : { bold: (t) => t, dim: (t) => t };
}

/** A message as the console shows it. */
export interface RenderedMessage {
  text: string;
  /** Button values by label, in order, so `/share` can press the last Share button. */
  buttons: { label: string; actionId: string; value: string }[];
  /** The feedback buttons' action and values, so `/good` and `/bad` can press them. */
  feedback?: { actionId: string; up: string; down: string };
}

/** Display names for user ids the console knows (the person at the keyboard). */
export type Names = Readonly<Record<string, string>>;

/** Slack mrkdwn to terminal text: entities decoded, mentions and links readable, *bold* and _italics_ styled, > quotes barred. */
export function renderMrkdwn(text: string, styles: Styles, names: Names = {}): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/gu, (_m, id: string, name?: string) => `@${name ?? names[id] ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/gu, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(\w+)(?:\|[^>]*)?>/gu, (_m, name: string) => `@${name}`)
    .replace(/<([^|>]+)\|([^>]+)>/gu, '$2 ($1)')
    .replace(/<([^>]+)>/gu, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:!?]|$)/gmu, (_m, before: string, inner: string) => `${before}${styles.bold(inner)}`)
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:!?]|$)/gmu, (_m, before: string, inner: string) => `${before}${styles.dim(inner)}`)
    .replace(/^>\s?/gmu, '│ ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/** Renders blocks (or the plain text when there are none). */
export function renderMessage(message: { text?: string; blocks?: types.KnownBlock[] }, styles: Styles, names: Names = {}): RenderedMessage {
  const buttons: RenderedMessage['buttons'] = [];
  let feedback: RenderedMessage['feedback'];
  const blocks = message.blocks ?? [];
  if (blocks.length === 0) return { text: renderMrkdwn(message.text ?? '', styles, names), buttons };
  const parts = blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'header':
        return [styles.bold(block.text.text)];
      case 'section':
        return block.text ? [renderMrkdwn(block.text.text, styles, names)] : [];
      case 'context':
        return [styles.dim(block.elements.map((e) => ('text' in e ? renderMrkdwn(e.text, styles, names) : '')).join(' '))];
      case 'actions':
        return block.elements.flatMap((e) => {
          if (e.type !== 'button') return [];
          buttons.push({ label: e.text.text, actionId: e.action_id ?? '', value: e.value ?? '' });
          return [`[${e.text.text}]  (type /share to press it)`];
        });
      case 'divider':
        return ['───'];
      case 'context_actions':
        return block.elements.flatMap((e) => {
          if (e.type !== 'feedback_buttons') return [];
          feedback = { actionId: e.action_id ?? '', up: e.positive_button.value, down: e.negative_button.value };
          return [styles.dim('[👍] [👎]  (type /good or /bad)')];
        });
      default:
        return [];
    }
  });
  return { text: parts.join('\n'), buttons, ...(feedback ? { feedback } : {}) };
}
