// The checks made over the deployment's own URLs, as a browser and Twilio reach them: the site, /health,
// the fallback TwiML and the webhooks' signature check both ways.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { type CheckResult, failed, passed, type SmokeTarget, unreachable } from './smoke-target.js';

/**
 * A message status callback for a message the center never sent: the webhook acknowledges it and writes
 * nothing, so it proves the signature check without leaving a trace (a call status callback for an
 * unknown CallSid would record a call).
 */
export const HARMLESS_WEBHOOK_PATH = '/twilio/sms/status';
const HARMLESS_MESSAGE_SID = `SM${'0'.repeat(24)}5a0e7e57`;

async function get(url: string): Promise<{ status: number; type: string; body: string } | Error> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  } catch (error) {
    return error as Error;
  }
}

export async function checkSite(target: SmokeTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const site = await get(`${target.baseUrl}/`);
  if (site instanceof Error)
    results.push(
      failed(
        'site',
        `${target.baseUrl}/ does not answer: ${unreachable(site)}`,
        'check the URL and DNS (a new CloudFront distribution takes minutes to deploy)',
      ),
    );
  else if (site.status !== 200 || !site.type.includes('text/html'))
    results.push(
      failed(
        'site',
        `${target.baseUrl}/ answered ${site.status} ${site.type}, not the web app`,
        'build the web app (npm run build:web) and redeploy the service stack',
      ),
    );
  else results.push(passed('site', `${target.baseUrl}/ serves the web app`));

  const health = await get(`${target.baseUrl}/health`);
  if (health instanceof Error)
    results.push(
      failed('health', `/health does not answer: ${unreachable(health)}`, 'check the URL and DNS'),
    );
  else if (health.status !== 200 || !health.body.includes('"ok"'))
    results.push(
      failed(
        'health',
        `/health answered ${health.status}: ${health.body.slice(0, 200)}`,
        "read the Api function's log in CloudWatch (a start-up error names the setting)",
      ),
    );
  else results.push(passed('health', '/health answers ok'));

  if (target.fallbackUrl) {
    const fallback = await get(target.fallbackUrl);
    if (fallback instanceof Error || fallback.status !== 200 || !fallback.body.includes('<Response>'))
      results.push(
        failed(
          'fallback TwiML',
          `${target.fallbackUrl} did not answer TwiML (${fallback instanceof Error ? unreachable(fallback) : fallback.status})`,
          'redeploy the service stack: the deploy writes the fallback TwiML into the site bucket',
        ),
      );
    else results.push(passed('fallback TwiML', `${target.fallbackUrl} answers TwiML`));
  }
  return results;
}

async function postWebhook(target: SmokeTarget, signWith: string | undefined): Promise<number | Error> {
  const url = `${target.webhookBaseUrl ?? target.baseUrl}${HARMLESS_WEBHOOK_PATH}`;
  const params = {
    AccountSid: target.accountSid,
    MessageSid: HARMLESS_MESSAGE_SID,
    MessageStatus: 'delivered',
  };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signWith) headers['x-twilio-signature'] = getExpectedTwilioSignature(signWith, url, params);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(15_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return error as Error;
  }
}

export async function checkWebhooks(target: SmokeTarget): Promise<CheckResult[]> {
  const signed = await postWebhook(target, target.authToken);
  const unsigned = await postWebhook(target, undefined);
  const results: CheckResult[] = [];
  const name = 'webhook, signed';
  if (signed instanceof Error)
    results.push(
      failed(
        name,
        `${HARMLESS_WEBHOOK_PATH} does not answer: ${unreachable(signed)}`,
        'check the URL and DNS',
      ),
    );
  else if (signed === 403)
    results.push(
      failed(
        name,
        `a request signed with the auth token of ${target.accountSid} was refused (403)`,
        `either that token is not the account's current one (see the Twilio account check), or the webhooks check with another (the auth token secret) or against another URL than ${target.webhookBaseUrl ?? target.baseUrl}: put the current token in the secret, then redeploy (functions read it once per container)`,
      ),
    );
  else if (signed < 200 || signed > 299)
    results.push(
      failed(
        name,
        `${HARMLESS_WEBHOOK_PATH} answered ${signed}`,
        "read the Webhooks function's log in CloudWatch",
      ),
    );
  else
    results.push(
      passed(name, `${HARMLESS_WEBHOOK_PATH} accepts a request signed with the auth token (${signed})`),
    );

  const refusal = 'webhook, unsigned';
  if (unsigned === 403) results.push(passed(refusal, 'a request without a signature is refused (403)'));
  else if (unsigned instanceof Error)
    results.push(
      failed(
        refusal,
        `${HARMLESS_WEBHOOK_PATH} does not answer: ${unreachable(unsigned)}`,
        'check the URL and DNS',
      ),
    );
  else
    results.push(
      failed(
        refusal,
        `a request without a signature got ${unsigned}, not 403`,
        'anyone could forge Twilio webhooks: check that the deployed code validates X-Twilio-Signature',
      ),
    );
  return results;
}
