// The benchmarks' agents: on the general line, in both languages and every region, created through the
// store with one password, and given their TaskRouter workers by the provisioning the deploy runs.
import { routing } from '../../flows/routing.js';
import { provisionRouting } from '../../functions/adapters/twilio/provision-taskrouter.js';
import { hashPassword } from '../../functions/domain/password.js';
import type { LocalStack } from '../../infra/local/start-local-stack.js';

export const BENCH_PASSWORD = 'bench-agent';

/** Creates `count` agents with ids `<prefix>000`, `<prefix>001`...; returns their ids. */
export async function createBenchAgents(
  stack: LocalStack,
  options: { readonly count: number; readonly prefix: string; readonly name: string },
): Promise<string[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const ids = Array.from(
    { length: options.count },
    (_, i) => `${options.prefix}${String(i).padStart(3, '0')}`,
  );
  for (const id of ids)
    await stack.store.users.create({
      id,
      name: `${options.name} ${id}`,
      roles: ['agent'],
      skills: ['general'],
      languages: ['zh', 'en'],
      regions: ['east-china', 'south-china', 'north-china', 'us'],
      extension: id,
      disabled: false,
      passwordHash,
    });
  await provisionRouting(stack.twilio, stack.store, routing, stack.webhookBaseUrl);
  return ids;
}

/** A JSON request to the stack's HTTP server: GET without a body, POST with one; a non-2xx throws. */
export async function stackJson<T = unknown>(
  stack: Pick<LocalStack, 'url'>,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${stack.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? {} : await res.json()) as T;
}
