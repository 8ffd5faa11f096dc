// Thrown when Slack refuses to start the app (a wrong token, Socket Mode off): an operator fixes settings.

/** Slack said no at start-up; the message names the setting to check. */
export class SlackStartError extends Error {
  override name = 'SlackStartError';
  constructor(message: string) {
    super(`slack: ${message}`);
  }
}

/** Explains a Slack start-up failure in terms of the settings behind it. */
export function explainStartFailure(error: unknown, mode: 'socket' | 'http'): SlackStartError {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  const code = e.data?.error ?? e.code ?? e.message ?? 'unknown error';
  const hints: Record<string, string> = {
    invalid_auth: 'the token was rejected (invalid_auth): check SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…) belong to this app and are current',
    not_authed: 'no token was accepted (not_authed): set SLACK_BOT_TOKEN',
    account_inactive: 'the token belongs to a deleted app or user (account_inactive): reinstall the app and copy the new SLACK_BOT_TOKEN',
    token_revoked: 'the token was revoked (token_revoked): reinstall the app and copy the new tokens',
  };
  const hint = Object.entries(hints).find(([k]) => code.includes(k))?.[1];
  const modeHint = mode === 'socket' ? ' In Socket Mode also check that Socket Mode is enabled for the app and SLACK_APP_TOKEN has connections:write.' : '';
  return new SlackStartError(`${hint ?? `could not start (${code}).`}${modeHint}`);
}
