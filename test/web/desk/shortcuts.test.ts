import { describe, expect, it } from 'vitest';
import { isAltShortcut } from '../../../web/src/desk/shortcuts.js';

const key = (
  code: string,
  keyText: string,
  mods: { alt?: boolean; ctrl?: boolean; meta?: boolean } = {},
) => ({
  altKey: mods.alt ?? true,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  code,
  key: keyText,
});

describe('Alt shortcuts on the desk', () => {
  it('match Option+A and Option+R on macOS, where the key typed is "å" and "®"', () => {
    expect(isAltShortcut(key('KeyA', 'å'), 'a')).toBe(true);
    expect(isAltShortcut(key('KeyR', '®'), 'r')).toBe(true);
  });

  it('match Alt+A and Alt+R elsewhere, whatever the case the key reports', () => {
    expect(isAltShortcut(key('KeyA', 'a'), 'a')).toBe(true);
    expect(isAltShortcut(key('KeyR', 'R'), 'r')).toBe(true);
  });

  it('ignore the letter without Alt, another key, and Alt with Ctrl or Cmd', () => {
    expect(isAltShortcut(key('KeyA', 'a', { alt: false }), 'a')).toBe(false);
    expect(isAltShortcut(key('KeyR', '®'), 'a')).toBe(false);
    expect(isAltShortcut(key('KeyA', 'a', { ctrl: true }), 'a')).toBe(false);
    expect(isAltShortcut(key('KeyA', 'a', { meta: true }), 'a')).toBe(false);
  });
});
