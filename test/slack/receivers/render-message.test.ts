// Slack mrkdwn as the console shows it.
import { describe, expect, it } from 'vitest';
import { renderMrkdwn, stylesFor } from '../../../src/slack/receivers/console/render-message.js';

describe('renderMrkdwn', () => {
  it('styles *bold* and _italics_, bars quotes, and decodes entities; plain without colour', () => {
    const styled = renderMrkdwn('>a &lt;quote&gt;\n*Related:* a passage _(paragraph 3)_', stylesFor(true));
    expect(styled).toContain('│ a <quote>');
    expect(styled).toContain('\u001b[1mRelated:\u001b[22m');
    expect(styled).toContain('\u001b[2m(paragraph 3)\u001b[22m');
    expect(renderMrkdwn('a passage _(paragraph 3)_ and snake_case_word', stylesFor(false))).toBe('a passage (paragraph 3) and snake_case_word');
  });
});
