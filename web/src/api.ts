// Calls to the REST API. The session travels in the HttpOnly cc_session cookie the login sets, so no
// token is kept where page scripts could read it.
import type { Asset, CallRecord, Customer, Policy, Task, Ticket } from '../../functions/domain/model.js';

export type { Asset, Customer, Policy, Ticket };

/** A user as the API shows it (no password hash). */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly ('agent' | 'supervisor' | 'admin')[];
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly extension?: string;
}

export interface CustomerView {
  readonly customer: Customer;
  readonly assets: readonly Asset[];
  readonly policies: readonly Policy[];
  readonly tickets: readonly Ticket[];
  readonly calls: readonly CallRecord[];
  readonly tasks: readonly Task[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok)
    throw new ApiError(response.status, data.error ?? 'error', data.message ?? response.statusText);
  return data as T;
}

export const api = {
  login: (id: string, password: string) =>
    call<{ user: Me; expiresAt: string }>('POST', '/auth/login', { id, password }),
  me: () => call<{ user: Me; expiresAt: string }>('GET', '/auth/me'),
  logout: () => call<void>('POST', '/auth/logout'),
  searchCustomers: (q: string) =>
    call<{ items: Customer[]; cursor?: string }>('GET', `/customers?q=${encodeURIComponent(q)}&limit=20`),
  customer: (id: string) => call<CustomerView>('GET', `/customers/${encodeURIComponent(id)}`),
};
