// Configures a whole Twilio account for one deployment, idempotently, and undoes it: TaskRouter from
// flows/routing.ts, the softphone's TwiML App, and the numbers' webhook and fallback URLs. Account-level
// resources are found by the SIDs an earlier run created, never by name. The SIDs go into the `taskrouter`
// setting (with the TwiML App's as `applicationSid`), where the app reads them.
import type { Store } from '../../domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { RoutingConfig } from '../../domain/routing/types.js';
import type { TwilioClient } from './client.js';
import {
  assertNumbersInAccount,
  type NumberOutcome,
  provisionNumbers,
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
  readonly webhookBaseUrl: string;
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

/** The softphone app's name: the workspace's, so an admin can tell whose it is in the Console. */
export const softphoneAppName = (routing: RoutingConfig) => `${routing.workspace} softphone`;

/** What an earlier run created, by SID; absent on a first run. */
export interface KnownSids {
  readonly workspaceSid?: string;
  readonly twimlAppSid?: string;
}

/**
 * Numbers are never bought here: one missing from the account fails the run, naming it, before anything
 * is created. A run that fails later removes the workspace and app it created itself, so a failed first
 * deploy leaves nothing behind for the rollback to find.
 */
export async function provisionAccount(
  client: TwilioClient,
  store: Store,
  target: AccountTarget,
  known: KnownSids,
): Promise<ProvisionedAccount> {
  const { routing, webhookBaseUrl } = target;
  await assertNumbersInAccount(
    client,
    target.numbers.map((n) => n.number),
  );
  const created: { workspaceSid?: string; twimlAppSid?: string } = {};
  try {
    const routed = await provisionRouting(client, store, routing, webhookBaseUrl, known.workspaceSid ?? null);
    if (routed.workspaceSid !== known.workspaceSid) created.workspaceSid = routed.workspaceSid;
    const app = await provisionTwimlApp(
      client,
      softphoneApp(webhookBaseUrl, softphoneAppName(routing)),
      known.twimlAppSid,
    );
    if (app.outcome === 'created') created.twimlAppSid = app.sid;
    const setting: ProvisionedAccountSetting = { ...routed, applicationSid: app.sid };
    await store.settings.put(ROUTING_SETTING, setting);
    const numbers = await provisionNumbers(
      client,
      wiringFor(webhookBaseUrl, target.numbers, target.fallbackUrl),
      { createMissing: false },
    );
    return {
      workspaceSid: routed.workspaceSid,
      workflowSid: routed.workflowSid,
      twimlAppSid: app.sid,
      twimlApp: app.outcome,
      numbers,
    };
  } catch (err) {
    const undo = await removeCreated(client, created);
    // A first run's numbers point at a deployment that will not exist; a later run's are put back by
    // the rollback's re-run with the old settings.
    if (!known.workspaceSid)
      await unwireNumbers(
        client,
        target.numbers.map((n) => n.number),
        webhookBaseUrl,
      ).catch(() => undo.leftBehind.push('webhook URLs of the numbers'));
    throw new ProvisioningFailed(err, undo);
  }
}

/** A failed run, with what it removed of its own creations and what it could not. */
export class ProvisioningFailed extends Error {
  override readonly name = 'ProvisioningFailed';
  constructor(
    override readonly cause: unknown,
    readonly undo: Readonly<{ removed: readonly string[]; leftBehind: readonly string[] }>,
  ) {
    super(
      `${(cause as Error)?.message ?? String(cause)}${undo.leftBehind.length ? ` (left behind: ${undo.leftBehind.join(', ')})` : ''}`,
    );
  }
}

async function removeCreated(
  client: TwilioClient,
  created: KnownSids,
): Promise<{ removed: string[]; leftBehind: string[] }> {
  const removed: string[] = [];
  const leftBehind: string[] = [];
  if (created.twimlAppSid) {
    const sid = created.twimlAppSid;
    await removeTwimlApp(client, sid).then(
      () => removed.push(sid),
      () => leftBehind.push(sid),
    );
  }
  if (created.workspaceSid) {
    const sid = created.workspaceSid;
    await removeWorkspace(client, sid).then(
      () => removed.push(sid),
      () => leftBehind.push(sid),
    );
  }
  return { removed, leftBehind };
}

async function removeWorkspace(client: TwilioClient, sid: string): Promise<boolean> {
  try {
    await client.taskrouter.v1.workspaces(sid).remove();
    return true;
  } catch (err) {
    if ((err as { status?: unknown } | null)?.status === 404) return false;
    throw err;
  }
}

/** One Delete step's result: done (or nothing to do), or what stayed in the account and why. */
export type StepOutcome =
  | { readonly ok: true; readonly detail: string }
  | { readonly ok: false; readonly leftBehind: string; readonly reason: string };

export interface Deprovisioned {
  readonly workspace: StepOutcome;
  readonly twimlApp: StepOutcome;
  readonly numbers: StepOutcome;
}

async function step(leftBehind: string, run: () => Promise<string>): Promise<StepOutcome> {
  try {
    return { ok: true, detail: await run() };
  } catch (err) {
    return { ok: false, leftBehind, reason: (err as Error)?.message ?? String(err) };
  }
}

/**
 * Deletes the workspace and the TwiML App by the SIDs given, and clears the numbers' URLs where they still
 * point at this deployment (the numbers stay bought). Never throws: a stack being deleted or rolled back
 * must not be stuck on a revoked token, so each step that fails reports what it left behind instead.
 */
export async function deprovisionAccount(
  client: TwilioClient,
  target: Pick<AccountTarget, 'numbers' | 'webhookBaseUrl'>,
  known: KnownSids,
): Promise<Deprovisioned> {
  const { workspaceSid, twimlAppSid } = known;
  const workspace = workspaceSid
    ? await step(`workspace ${workspaceSid}`, async () =>
        (await removeWorkspace(client, workspaceSid))
          ? `removed ${workspaceSid}`
          : `${workspaceSid} already gone`,
      )
    : ({ ok: true, detail: 'none recorded' } as const);
  const twimlApp = twimlAppSid
    ? await step(`TwiML App ${twimlAppSid}`, async () =>
        (await removeTwimlApp(client, twimlAppSid))
          ? `removed ${twimlAppSid}`
          : `${twimlAppSid} already gone`,
      )
    : ({ ok: true, detail: 'none recorded' } as const);
  const listed = target.numbers.map((n) => n.number);
  const numbers = await step(`webhook URLs of ${listed.join(', ') || 'no numbers'}`, async () =>
    JSON.stringify(await unwireNumbers(client, listed, target.webhookBaseUrl)),
  );
  return { workspace, twimlApp, numbers };
}
