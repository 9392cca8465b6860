// A tiny history-API router: the app has a handful of pages, not enough to need a routing library.
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export type Route =
  | { readonly page: 'login' }
  | { readonly page: 'agent' }
  | { readonly page: 'customer'; readonly id: string }
  | { readonly page: 'supervisor' }
  | { readonly page: 'planning' }
  | { readonly page: 'reports' }
  | { readonly page: 'surveys' }
  | { readonly page: 'phone' }
  | { readonly page: 'account' }
  | { readonly page: 'users' }
  | { readonly page: 'admin' }
  | { readonly page: 'admin-calendar' }
  | { readonly page: 'admin-forwarding' }
  | { readonly page: 'admin-sms-templates' }
  | { readonly page: 'admin-queues' }
  | { readonly page: 'admin-wrap-up' }
  | { readonly page: 'admin-api-keys' }
  | { readonly page: 'prompts' }
  | { readonly page: 'tickets' }
  | { readonly page: 'ticket'; readonly number: string }
  | { readonly page: 'kb'; readonly id?: string }
  | { readonly page: 'quality' }
  | { readonly page: 'campaigns' }
  | { readonly page: 'bulk-sms' }
  | { readonly page: 'home' }
  | { readonly page: 'not-found' };

/** The pages the local stack prints at start (infra/local/banner.ts) must match these paths. */
export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return { page: 'home' };
  if (clean === '/login') return { page: 'login' };
  if (clean === '/agent') return { page: 'agent' };
  if (clean === '/supervisor') return { page: 'supervisor' };
  if (clean === '/planning') return { page: 'planning' };
  if (clean === '/reports') return { page: 'reports' };
  if (clean === '/surveys') return { page: 'surveys' };
  if (clean === '/phone') return { page: 'phone' };
  if (clean === '/account') return { page: 'account' };
  if (clean === '/admin/users') return { page: 'users' };
  if (clean === '/admin') return { page: 'admin' };
  if (clean === '/admin/calendar') return { page: 'admin-calendar' };
  if (clean === '/admin/forwarding') return { page: 'admin-forwarding' };
  if (clean === '/admin/sms-templates') return { page: 'admin-sms-templates' };
  if (clean === '/admin/queues') return { page: 'admin-queues' };
  if (clean === '/admin/wrap-up') return { page: 'admin-wrap-up' };
  if (clean === '/admin/api-keys') return { page: 'admin-api-keys' };
  if (clean === '/admin/prompts') return { page: 'prompts' };
  if (clean === '/tickets') return { page: 'tickets' };
  if (clean === '/kb') return { page: 'kb' };
  if (clean === '/quality') return { page: 'quality' };
  if (clean === '/campaigns') return { page: 'campaigns' };
  if (clean === '/bulk-sms') return { page: 'bulk-sms' };
  const article = /^\/kb\/([^/]+)$/.exec(clean);
  if (article?.[1]) return { page: 'kb', id: decodeURIComponent(article[1]) };
  const customer = /^\/agent\/customers\/([^/]+)$/.exec(clean);
  if (customer?.[1]) return { page: 'customer', id: decodeURIComponent(customer[1]) };
  const ticket = /^\/tickets\/([^/]+)$/.exec(clean);
  if (ticket?.[1]) return { page: 'ticket', number: decodeURIComponent(ticket[1]) };
  return { page: 'not-found' };
}
