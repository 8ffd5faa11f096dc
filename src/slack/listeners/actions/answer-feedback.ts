// 👍 / 👎 on an answer: recorded (without who voted); on 👎, the person gets the next passages that match, and a
// button to ask the editors (which records the question as a gap).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { button, context, section } from '../../format/blocks.js';
import { bullets, escapeText } from '../../format/escape.js';
import { ASK_EDITORS_ACTION_ID, decodeFeedbackValue, encodeFeedbackValue } from '../../format/feedback-value.js';
import type { ListenerDeps } from '../deps.js';

/** Passages offered after a 👎. */
const ALTERNATIVES = 2;

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Factory for the feedback buttons' listener. */
export function answerFeedback(deps: ListenerDeps) {
  return async function onAnswerFeedback({ ack, body, action, respond, context: ctx }: ActionArgs): Promise<void> {
    await ack();
    const value = decodeFeedbackValue((action as { value?: string }).value);
    if (!value || value.verdict === 'ask' || !deps.votes) return;
    const where = `${body.container?.channel_id ?? body.channel?.id ?? ''}:${body.container?.message_ts ?? ''}`;
    try {
      await deps.votes.vote({ question: value.question, passage: value.passage, verdict: value.verdict, user: body.user.id, message: where });
      ctx.log?.info({ verdict: value.verdict, passage: value.passage }, 'answer feedback');
    } catch (error) {
      // The shared store is away (Redis down, logged there): the click is lost, the person still gets the reply.
      ctx.log?.warn({ err: String(error) }, 'could not record the answer feedback');
    }
    if (value.verdict === 'up') return;
    await deps.meaning?.prepare(value.question);
    const answer = deps.engine.answer(value.question);
    const others = answer.suggestions.filter((s) => s.passageId !== value.passage).slice(0, ALTERNATIVES);
    const blocks = [
      section(others.length > 0 ? `*Was it one of these?*\n${bullets(others.map((s) => `${escapeText(s.text)} _(${escapeText(s.location)})_`))}` : 'Thanks: that answer will be looked at.'),
      button(ASK_EDITORS_ACTION_ID, 'Ask the editors', encodeFeedbackValue({ verdict: 'ask', question: value.question, passage: value.passage })),
      context('Your vote is counted without your name. When two people say an answer is wrong, I stop giving it.'),
    ];
    const text = others.length > 0 ? `Was it one of these? ${others.map((s) => s.text).join(' / ')}` : 'Thanks: that answer will be looked at.';
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
  };
}

/** Factory for the "Ask the editors" button: the question goes into the editors' gap report. */
export function askEditors(deps: ListenerDeps) {
  return async function onAskEditors({ ack, action, respond, context: ctx }: ActionArgs): Promise<void> {
    await ack();
    const value = decodeFeedbackValue((action as { value?: string }).value);
    if (!value || !deps.gaps) return;
    await deps.gaps.asked({ answered: false, question: value.question, reason: 'not-covered' }, deps.engine.knowledge.contentHash ?? '');
    ctx.log?.info('question passed to the editors');
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks: the editors will see this question in their report.' });
  };
}
