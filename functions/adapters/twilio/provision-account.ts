// Configures a whole Twilio account for one deployment, idempotently, and undoes it: TaskRouter from
// flows/routing.ts, the softphone's TwiML App, and the numbers' webhook and fallback URLs. The SIDs go
// into the `taskrouter` setting (with the TwiML App's as `applicationSid`), where the app reads them.
import type { Store } from '../../domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { RoutingConfig } from '../../domain/routing/types.js';
import type { TwilioClient } from './client.js';
import {
  type NumberOutcome,
  provisionNumbers,
  type UnwireOutcome,
  unwireNumbers,
  wiringFor,
} from './provision-numbers.js';
import { provisionRouting } from './provision-taskrouter.js';
import {
  provisionTwimlApp,
  removeTwimlApp,
  softphoneApp,
  type TwimlAppOutcome,
} from './provision-twiml-app.js';

export interface AccountTarget {
  readonly routing: RoutingConfig;
  /** Where Twilio reaches the webhooks, e.g. https://cc.example.com. */
  readonly publicBaseUrl: string;
  /** Static TwiML every number falls back to (fetched with GET). */
  readonly fallbackUrl?: string;
  readonly numbers: readonly { readonly number: string; readonly name: string }[];
}

/** The `taskrouter` setting as provisioning writes it; the agent desk reads `applicationSid` from it. */
export type ProvisionedAccountSetting = ProvisionedRouting & { readonly applicationSid: string };

export interface ProvisionedAccount {
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly twimlAppSid: string;
  readonly twimlApp: TwimlAppOutcome;
  readonly numbers: Readonly<Record<string, NumberOutcome>>;
}

/** One softphone app per workspace name, so two centers can share an account. */
export const softphoneAppName = (routing: RoutingConfig) => `${routing.workspace} softphone`;

/**
 * Numbers are never bought here (`createMissing: false`): a number missing from the account fails the
 * run, naming it, before anything points callers at a half-configured center.
 */
export async function provisionAccount(
  client: TwilioClient,
  store: Store,
  target: AccountTarget,
): Promise<ProvisionedAccount> {
  const { routing, publicBaseUrl } = target;
  const routed = await provisionRouting(client, store, routing, publicBaseUrl);
  const app = await provisionTwimlApp(client, softphoneApp(publicBaseUrl, softphoneAppName(routing)));
  const setting: ProvisionedAccountSetting = { ...routed, applicationSid: app.sid };
  await store.settings.put(ROUTING_SETTING, setting);
  const numbers = await provisionNumbers(
    client,
    wiringFor(publicBaseUrl, target.numbers, target.fallbackUrl),
    { createMissing: false },
  );
  return {
    workspaceSid: routed.workspaceSid,
    workflowSid: routed.workflowSid,
    twimlAppSid: app.sid,
    twimlApp: app.outcome,
    numbers,
  };
}

export interface Deprovisioned {
  readonly workspaces: number;
  readonly twimlApps: number;
  readonly numbers: Readonly<Record<string, UnwireOutcome>>;
}

/** Deletes the workspace and the TwiML App, and clears the numbers' URLs (the numbers stay bought). */
export async function deprovisionAccount(
  client: TwilioClient,
  target: AccountTarget,
): Promise<Deprovisioned> {
  const tr = client.taskrouter.v1;
  const workspaces = await tr.workspaces.list({ friendlyName: target.routing.workspace });
  for (const ws of workspaces) await tr.workspaces(ws.sid).remove();
  const twimlApps = await removeTwimlApp(client, softphoneAppName(target.routing));
  const numbers = await unwireNumbers(
    client,
    target.numbers.map((n) => n.number),
    target.publicBaseUrl,
  );
  return { workspaces: workspaces.length, twimlApps, numbers };
}
