// Picks the transport for the configured mode: Bolt's Socket Mode or HTTP receiver (the console comes separately).
import { HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { boltLogger } from '../bolt-logger.js';
import { checkPayloads } from './payload-check.js';

/** Where Slack sends requests in HTTP mode (events, commands and interactivity alike). */
export const EVENTS_PATH = '/slack/events';
/** A liveness probe for the proxy in front of HTTP mode. */
export const HEALTH_PATH = '/healthz';

/** What a receiver needs from the settings. */
export type ReceiverSettings =
  | { mode: 'socket'; appToken: string; apiUrl?: string }
  | { mode: 'http'; signingSecret: string; port: number };

/** Builds Bolt's own receiver for Socket Mode or HTTP mode. */
export function createReceiver(settings: ReceiverSettings, logger: Logger): Receiver {
  if (settings.mode === 'socket') {
    return new SocketModeReceiver({
      appToken: settings.appToken,
      logger: boltLogger(logger),
      // The Socket Mode client calls apps.connections.open through its own Web API client.
      installerOptions: settings.apiUrl ? { clientOptions: { slackApiUrl: settings.apiUrl } } : {},
    });
  }
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: EVENTS_PATH,
    port: settings.port,
    logger: boltLogger(logger),
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
  });
  receiver.requestListener = checkPayloads(receiver.requestListener, EVENTS_PATH, logger);
  return receiver;
}
