// Slack's answers that no retry of a scheduled post can fix, each with what the operator should do.

/** Slack error codes a retry cannot fix, with the fix; `setting` names the variable holding the channel. */
export function permanentFailure(code: string, setting: string): string | undefined {
  const fixes: Record<string, string> = {
    not_in_channel: 'invite the bot to the channel (/invite @briefing-bot)',
    channel_not_found: `check ${setting} is a channel ID the bot can see`,
    is_archived: `the channel is archived: choose another ${setting}`,
    missing_scope: 'add the chat:write scope and reinstall the app',
    invalid_auth: 'check SLACK_BOT_TOKEN',
    account_inactive: 'reinstall the app and update SLACK_BOT_TOKEN',
    token_revoked: 'reinstall the app and update SLACK_BOT_TOKEN',
  };
  return Object.hasOwn(fixes, code) ? fixes[code] : undefined;
}
