// A person opens the bot's Home tab: publish it for them, built from the knowledge of the moment.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** Factory for the `app_home_opened` listener. */
export function appHomeOpened(deps: ListenerDeps) {
  return async function onAppHomeOpened({ event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> {
    // The Messages tab opens the DM, not the Home tab: nothing to publish.
    if (event.tab !== 'home') return;
    const view = deps.replies.home();
    await client.views.publish({ user_id: event.user, view });
    context.log?.info({ blocks: view.blocks.length }, 'home tab published');
  };
}
