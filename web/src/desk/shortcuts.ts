// Alt+letter shortcuts on the desk, matched by the physical key: on macOS Option+A types "å" and
// Option+R "®", so `event.key` never equals the letter there, while `event.code` names the key itself.
import { useEffect } from 'react';

export type ShortcutLetter = 'a' | 'r';

/** The key event is Alt (Option) plus the key that carries `letter` on a US layout. */
export function isAltShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>,
  letter: ShortcutLetter,
): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Key${letter.toUpperCase()}`;
}

export function useShortcut(letter: ShortcutLetter, action: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isAltShortcut(event, letter)) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, action]);
}
