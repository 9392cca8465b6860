// An anchor that changes page without reloading (and still opens in a new tab with a modifier key).
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './router.js';

export function Link({
  to,
  children,
  title,
  'data-testid': testId,
}: {
  to: string;
  children: ReactNode;
  title?: string;
  'data-testid'?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={to}
      onClick={onClick}
      {...(title ? { title } : {})}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      {children}
    </a>
  );
}
