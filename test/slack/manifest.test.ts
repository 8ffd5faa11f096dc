// manifest.yml is valid against Slack's official schema and declares exactly what the code registers.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REGISTERED } from '../../src/slack/listeners/index.js';

const SCHEMAS = new URL('../fixtures/slack-manifest-schema/', import.meta.url);
const REMOTE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const file of readdirSync(SCHEMAS).filter((f) => f !== 'manifest.schema.json')) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, SCHEMAS), 'utf8')), `${REMOTE}${file}`);
  }
  return ajv.compile(JSON.parse(readFileSync(new URL('manifest.schema.json', SCHEMAS), 'utf8')));
}

// message.im and message.channels are both `message` events to Bolt.
const boltEventName = (event: string): string => event.split('.')[0] ?? event;

describe('manifest.yml', () => {
  const validate = validator();

  it('is valid against Slack’s app manifest schema', () => {
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check can fail: an unknown key or a missing name is rejected', () => {
    expect(validate({ ...manifest, surprise: true })).toBe(false);
    expect(validate({ ...manifest, display_information: {} })).toBe(false);
  });

  it('declares every command the code registers, and no other', () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(declared.sort()).toEqual([...REGISTERED.commands].sort());
    for (const command of manifest.features.slash_commands) {
      expect(command.description).toBeTruthy();
      expect(command.usage_hint).toBeTruthy();
    }
  });

  it('subscribes to exactly the events the code listens to', () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect([...new Set(events.map(boltEventName))].sort()).toEqual([...REGISTERED.events].sort());
    expect(events).toEqual(expect.arrayContaining(['app_mention', 'message.im']));
  });

  it('asks for the scopes the code needs and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'assistant:write', 'channels:history', 'chat:write', 'commands', 'files:read', 'groups:history', 'im:history']);
  });

  it('enables the DM tab, interactivity for the Share button, and Socket Mode', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe((REGISTERED.events as readonly string[]).includes('app_home_opened'));
    expect(manifest.settings.interactivity.is_enabled).toBe(REGISTERED.actions.length > 0);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });
});
