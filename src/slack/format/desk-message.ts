// The editors' desk in Slack: what an add or remove did, why one could not be done, and who may do them.
import type { types } from '@slack/bolt';
import type { Added } from '../../desk/index.js';
import { context, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** The reply to an add: "Added *title* — N paragraphs", and questions to try. */
export function addedMessage(added: Added): SlackMessage {
  const title = escapeText(added.title);
  const count = `${added.paragraphs} paragraph${added.paragraphs === 1 ? '' : 's'}`;
  const lead =
    added.status === 'unchanged'
      ? `*${title}* is already in the briefing (\`${escapeText(added.file)}\`), unchanged.`
      : `${added.status === 'replaced' ? 'Updated' : 'Added'} *${title}* — ${count} (\`${escapeText(added.file)}\`). People can ask about it now.`;
  const blocks: types.KnownBlock[] = [section(lead)];
  if (added.questions.length > 0) blocks.push(section(`*Questions to try*\n${bullets(added.questions.map((q) => `\`/briefing ${escapeText(q)}\``))}`));
  if (added.retired.length > 0) blocks.push(context(`To keep the briefing to its size, archived: ${escapeText(added.retired.join(', '))}.`));
  const text = [lead.replace(/[*`]/gu, ''), ...(added.questions.length > 0 ? [`Try: ${escapeText(added.questions.join(' / '))}`] : [])].join(' ');
  return withinLimits({ text, blocks });
}

/** The reply to a remove. */
export function removedMessage(removed: { file: string; title: string }): SlackMessage {
  const text = `Removed *${escapeText(removed.title)}* from the briefing (\`${escapeText(removed.file)}\` is kept in the archive folder).`;
  return { text: text.replace(/[*`]/gu, ''), blocks: [section(text)] };
}

/** An add or remove that could not be done: what was asked, and the desk's one-line reason. */
export function deskRefusedMessage(what: string, reason: string): SlackMessage {
  const text = escapeText(`Could not ${what}: ${reason}. Nothing in the briefing was changed.`);
  return { text, blocks: [section(text)] };
}

/** Said before a slow add, in the command's acknowledgement. */
export function readingMessage(what: string): string {
  return `Reading ${escapeText(what)}… I will tell you here when it is in the briefing.`;
}

/** Said to someone who may not add or remove articles. */
export function notAllowedMessage(): SlackMessage {
  const text = 'Only the briefing’s editors can add or remove articles. Ask one of them, or share the link in the channel.';
  return { text, blocks: [section(text)] };
}

/** Usage of add and remove, when the command has no argument. */
export function deskUsageMessage(): SlackMessage {
  const text = 'To add an article: `/briefing add <link>`, or share a .txt, .md, .html, .docx or .pdf file with me in a DM. To take one out: `/briefing remove <file name or words of its title>` (`/briefing list` shows them).';
  return { text: text.replace(/`/gu, ''), blocks: [section(text)] };
}

/** Who may add and remove articles (`/briefing list`): everyone, or the editors named. */
export function editorsLine(editors: readonly string[] | undefined): string {
  const how = 'add an article (`/briefing add <link>`, or share a file with me in a DM) or remove one (`/briefing remove <name>`)';
  if (!editors) return `Anyone in the workspace can ${how}.`;
  return `${editors.map((id) => `<@${id}>`).join(', ')} can ${how}.`;
}
