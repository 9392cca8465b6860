// Text with the search's matched terms marked. Matching is on lower case, so "VPN" is marked for "vpn".
import type { ReactNode } from 'react';

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const usable = [...terms].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'gi');
  const parts: ReactNode[] = text.split(pattern).map((part, i) =>
    // split with one capture group puts the matches at odd indexes.
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text, never reordered.
      <mark key={`${i}-${part}`}>{part}</mark>
    ) : (
      part
    ),
  );
  return <>{parts}</>;
}
