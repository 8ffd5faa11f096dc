// How the app reaches people: Slack (Socket Mode or HTTP) or the local console. Each returns what the app needs.
import type { Server } from 'node:http';
import type { App, Receiver, webApi } from '@slack/bolt';
import type { Config } from '../../config/index.js';
import { CONSOLE_API_URL, CONSOLE_BOT, consoleFetch } from './console/console-fetch.js';
import { ConsoleReceiver, type ConsoleIO } from './console/console-receiver.js';
import { consoleBanner } from './console/banner.js';
import type { Knowledge } from '../../knowledge/index.js';
import type { Logger } from '../../logger.js';
import { createReceiver } from './create-receiver.js';
import type { SlackMessage } from '../format/slack-message.js';
import { BRIEFING_COMMAND } from '../listeners/commands/briefing-command.js';
import { explainStartFailure } from '../slack-start-error.js';

/** A transport: the receiver, how the app authenticates and calls the Web API, and how it starts. */
export interface Transport {
  receiver: Receiver;
  botToken: string;
  apiUrl?: string;
  botIdentity?: { botId: string; botUserId: string };
  clientOptions?: Partial<webApi.WebClientOptions>;
  /** Starts the app on this transport; resolves with the HTTP port in HTTP mode. */
  start(app: App): Promise<number | undefined>;
  /** Resolves when the transport has no more input (the console at end of input); never for Slack. */
  finished?: Promise<void>;
  /** How files shared with the bot are downloaded, when not from Slack (the console reads them from disk). */
  fileFetch?: typeof fetch;
  /** Called when the app stops: lets go of idle keep-alive connections so the HTTP server can close. */
  onStop?(): void;
}

/** Slack through Bolt's Socket Mode or HTTP receiver. */
export function slackTransport(config: Config, logger: Logger): Transport {
  const slack = config.slack;
  if (!slack || config.mode === 'console') throw new Error('slack: no Slack settings (SLACK_BOT_TOKEN and, in Socket Mode, SLACK_APP_TOKEN)');
  const mode = config.mode;
  let server: Server | undefined;
  return {
    receiver: createReceiver(
      mode === 'socket'
        ? { mode, appToken: slack.appToken ?? '', ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) }
        : { mode, signingSecret: slack.signingSecret ?? '', port: config.port },
      logger,
    ),
    botToken: slack.botToken,
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    async start(app) {
      try {
        await app.init();
        const result = await app.start(config.port);
        server = mode === 'http' ? (result as Server) : undefined;
        const address = server?.address();
        return typeof address === 'object' && address ? address.port : undefined;
      } catch (error) {
        throw explainStartFailure(error, mode);
      }
    },
    onStop: () => server?.closeIdleConnections(),
  };
}

/** What the console shows besides replies: the daily post (`/summary`) and the knowledge (banner, `/home`). */
export interface ConsoleContent {
  dailyPost: () => SlackMessage;
  knowledge: () => Knowledge;
  colour?: boolean;
}

/** The terminal: typed lines in, rendered replies out, the Web API played locally. */
export function consoleTransport(io: ConsoleIO, { dailyPost, knowledge, colour = true }: ConsoleContent): Transport {
  const receiver = new ConsoleReceiver({ ...io, dailyPost, command: BRIEFING_COMMAND, colour });
  const localFetch = consoleFetch((delivery) => receiver.deliver(delivery));
  return {
    receiver,
    botToken: 'xoxb-local-console',
    apiUrl: CONSOLE_API_URL,
    botIdentity: CONSOLE_BOT,
    clientOptions: { fetch: localFetch, retryConfig: { retries: 0 } },
    fileFetch: localFetch,
    async start(app) {
      await app.init();
      await app.start(consoleBanner(knowledge()));
      return undefined;
    },
    finished: receiver.finished,
  };
}
