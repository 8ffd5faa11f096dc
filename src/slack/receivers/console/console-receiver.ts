// A Bolt Receiver for the terminal: each typed line becomes the payload Slack would send, for the same app.
import { createInterface, type Interface } from 'node:readline';
import type { App, Receiver } from '@slack/bolt';
import type { SlackMessage } from '../../format/slack-message.js';
import type { ConsoleDelivery } from './console-fetch.js';
import { CONSOLE_CHANNEL, CONSOLE_DM, CONSOLE_USER, consolePayloads, eventTs } from './payloads.js';
import { renderMessage, stylesFor, type RenderedMessage } from './render-message.js';

/** The terminal the console talks through. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Options of {@link ConsoleReceiver}. */
export interface ConsoleReceiverOptions extends ConsoleIO {
  /** Builds the daily post, shown by `/summary`. */
  dailyPost: () => SlackMessage;
  /** The slash command `/help` and `/briefing …` go to. */
  command: string;
  /** Colour on the output when it is a terminal. Default true. */
  colour?: boolean;
}

const PROMPT = 'you> ';

/** Reads lines, dispatches them to the app, renders what the app sends back; `finished` resolves at end of input. */
export class ConsoleReceiver implements Receiver {
  readonly finished: Promise<void>;
  private app?: App;
  private lines?: Interface;
  private lastButton?: RenderedMessage['buttons'][number];
  private lastFeedback?: NonNullable<RenderedMessage['feedback']>;
  private readonly styles;
  /** What this console sends the app, numbered from its first line. */
  private readonly payloads = consolePayloads();
  private readonly interactive: boolean;
  private end: () => void = () => undefined;
  private thread?: { kind: 'mention' | 'assistant'; ts: string };

  constructor(private readonly options: ConsoleReceiverOptions) {
    this.interactive = options.output.isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
    this.styles = stylesFor(options.output.isTTY === true && options.colour !== false);
    this.finished = new Promise((resolve) => (this.end = resolve));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Prints the banner and starts reading; returns at once. */
  async start(banner = ''): Promise<void> {
    if (banner) this.write(banner);
    const lines = createInterface({ input: this.options.input, output: this.options.output, terminal: this.interactive, prompt: PROMPT, historySize: 100 });
    this.lines = lines;
    lines.on('SIGINT', () => lines.close());
    void (async () => {
      if (this.interactive) lines.prompt();
      for await (const line of lines) {
        if (!this.interactive && line.trim()) this.write(`${PROMPT}${line}`);
        const goOn = await this.handle(line.trim());
        if (!goOn) break;
        if (this.interactive) lines.prompt();
      }
      lines.close();
      if (this.interactive) this.options.output.write('\n');
      this.end();
    })();
  }

  async stop(): Promise<void> {
    this.lines?.close();
  }

  /** Shows a message the app sent (called by the console's fetch). */
  deliver(delivery: ConsoleDelivery): void {
    if (delivery.via === 'assistant') return this.write(this.styles.dim(delivery.text ?? ''));
    if (delivery.deleteOriginal) return this.write(this.styles.dim('  (the private reply was removed: it was shared in the channel)'));
    const rendered = renderMessage(delivery, this.styles, { [CONSOLE_USER.id]: CONSOLE_USER.name });
    const button = rendered.buttons.at(-1);
    if (button) this.lastButton = button;
    if (rendered.feedback) this.lastFeedback = rendered.feedback;
    const where = delivery.via === 'views.publish'
      ? 'Home tab'
      : delivery.ephemeral
      ? 'only visible to you'
      : delivery.channel === CONSOLE_DM
      ? 'in your DM'
      : `in #${delivery.channel === CONSOLE_CHANNEL.id ? CONSOLE_CHANNEL.name : delivery.channel ?? '?'}${delivery.threadTs ? ', in the thread' : ''}`;
    this.write(`${this.styles.bold('briefing-bot')} ${this.styles.dim(`(${where})`)}\n${indent(rendered.text)}\n`);
  }

  private async handle(line: string): Promise<boolean> {
    if (!line) return true;
    const [word = '', ...rest] = line.split(/\s+/u);
    const text = rest.join(' ');
    switch (word.toLowerCase()) {
      case '/quit':
      case '/exit':
        return false;
      case '/help':
        return this.dispatch(this.payloads.command(this.options.command, 'help'));
      case this.options.command:
        return this.dispatch(this.payloads.command(this.options.command, text));
      case '/list':
        return this.dispatch(this.payloads.command(this.options.command, 'list'));
      case '/good':
      case '/bad': {
        if (!this.lastFeedback) return this.say('There is no answer to rate yet: ask a question first.');
        const value = word.toLowerCase() === '/good' ? this.lastFeedback.up : this.lastFeedback.down;
        return this.dispatch(this.payloads.feedback(this.lastFeedback.actionId, value, word.toLowerCase() === '/good' ? '👍' : '👎'));
      }
      case '/add':
        if (!text) return this.say('Say which file: /add <path to a .txt, .md, .html, .docx or .pdf file>. For a page: /briefing add <link>.');
        return this.dispatch(this.payloads.fileShare(text));
      case '/assistant': {
        const { payload, threadTs } = this.payloads.assistantStarted();
        this.thread = { kind: 'assistant', ts: threadTs };
        return this.dispatch(payload);
      }
      case '/new':
        this.thread = undefined;
        return this.say('A new conversation: the next question opens a new thread.');
      case '/gaps':
        return this.dispatch(this.payloads.command(this.options.command, 'gaps'));
      case '/home':
        return this.dispatch(this.payloads.homeOpened());
      case '/summary':
        await this.app?.client.chat.postMessage({ channel: CONSOLE_CHANNEL.id, ...this.options.dailyPost() });
        return true;
      case '/share':
        if (!this.lastButton) return this.say('There is no button to press yet: ask with /briefing first.');
        return this.dispatch(this.payloads.button(this.lastButton.actionId, this.lastButton.value, this.lastButton.label));
      default:
        if (word.startsWith('/')) return this.say(`Unknown command ${word}. Try ${this.options.command} <question>, ${this.options.command} help, /list, /add <file>, /assistant, /new, /home, /good, /bad, /gaps, /summary, /share or /quit.`);
        return this.ask(line);
    }
  }

  // A question goes to the thread in progress (as in Slack, a follow-up is read with it): the assistant's, or the
  // thread the first mention opened; /new starts another.
  private async ask(line: string): Promise<boolean> {
    if (this.thread?.kind === 'assistant') return this.dispatch(this.payloads.assistantMessage(line, this.thread.ts));
    const payload = this.payloads.mention(line, this.thread?.ts);
    this.thread ??= { kind: 'mention', ts: eventTs(payload) };
    return this.dispatch(payload);
  }

  private async dispatch(body: Record<string, unknown>): Promise<boolean> {
    await this.app?.processEvent({ body, ack: async () => undefined });
    return true;
  }

  private say(text: string): boolean {
    this.write(this.styles.dim(text));
    return true;
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}
