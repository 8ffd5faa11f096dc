// Blocks serialised ahead of the Web API client reach Slack exactly as the client would have sent them.
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { openAnswerEngine } from '../../src/answers/index.js';
import { answerMessage } from '../../src/slack/format/answer-message.js';
import { forWebApi, webApiMessages } from '../../src/slack/format/web-api-message.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const engine = openAnswerEngine(KNOWLEDGE_DIR, { lexicon });

/** The form body the real Web API client sends for a chat.postMessage of `message`. */
async function wireBody(message: object): Promise<string> {
  let body = '';
  const fetch = (async (_url: string, init: RequestInit) => {
    body = String(init.body);
    return new Response('{"ok":true,"ts":"1.1"}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  const client = new webApi.WebClient('xoxb-test', { fetch, retryConfig: { retries: 0 } });
  await client.chat.postMessage({ channel: 'C1', thread_ts: '1.2', ...message } as webApi.ChatPostMessageArguments);
  return body;
}

describe('forWebApi', () => {
  it.each(['what about sanctions', 'who is the pope'])('sends the same request as the blocks array (%s)', async (question) => {
    const message = answerMessage(engine.answer(question));
    const posted = await wireBody(forWebApi(message));
    expect(posted).toBe(await wireBody(message));
    expect(JSON.parse(new URLSearchParams(posted).get('blocks') ?? '')).toEqual(message.blocks);
  });

  it('serialises a message once per listener and leaves the message itself alone', () => {
    const message = answerMessage(engine.answer('what about sanctions'));
    const before = structuredClone(message);
    const once = webApiMessages();
    expect(once(message)).toBe(once(message));
    expect(once(message)).toEqual(forWebApi(message));
    // Another listener keeps its own.
    expect(webApiMessages()(message)).not.toBe(once(message));
    expect(message).toEqual(before);
  });
});
