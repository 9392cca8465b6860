// What the smoke test checks against: one deployment's URLs, its Twilio account and the SIDs and numbers
// it was given, whether read from a stack (stage-target.ts) or from the command line (args.ts).

export interface SmokeTarget {
  /** Public base URL of the site and API, e.g. https://cc.example.com (no trailing slash). */
  readonly baseUrl: string;
  /** Where Twilio's webhooks go (in AWS the HTTP API's endpoint); absent, `baseUrl`. */
  readonly webhookBaseUrl?: string;
  /** The static fallback TwiML; absent where the deployment has none (the local stack). */
  readonly fallbackUrl?: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Base URL of the Twilio twin's REST API; absent for Twilio itself. */
  readonly twilioApiBaseUrl?: string;
  /** A user to sign in as for the token route. */
  readonly user?: { readonly id: string; readonly password: string };
  /** Why there is no user, when looking one up failed. */
  readonly userUnavailable?: string;
  readonly workspaceSid?: string;
  readonly workflowSid?: string;
  readonly softphoneAppSid?: string;
  /** E.164 numbers that must point at this deployment. */
  readonly numbers: readonly string[];
  /** Where each value came from, for the first lines of the report (e.g. "stack ContactCenterService"). */
  readonly source: string;
}

/** One line of the report: what was checked, and on failure what is wrong and what to do about it. */
export type CheckResult =
  | { readonly name: string; readonly ok: true; readonly detail: string }
  | { readonly name: string; readonly ok: false; readonly problem: string; readonly fix: string };

export const passed = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
export const failed = (name: string, problem: string, fix: string): CheckResult => ({
  name,
  ok: false,
  problem,
  fix,
});

export function formatResult(result: CheckResult): string {
  return result.ok
    ? `ok      ${result.name}: ${result.detail}`
    : `FAILED  ${result.name}: ${result.problem}. What to do: ${result.fix}`;
}

/** A network failure as one phrase: fetch's own message hides the reason in its cause. */
export const unreachable = (error: Error): string =>
  `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}`;
