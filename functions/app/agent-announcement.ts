// Announcing the agent's number (工号) to the caller as the agent comes on the line, on hotlines whose
// flow asks for it (`announceAgent`). The conference's status callback carries who to announce to whom,
// so the announcement costs one REST request and no reads: when the customer joins the conference, their
// participant alone is played the announcement.
import type { Language } from '../domain/model.js';
import { flowFor } from './answer-call.js';
import type { Center } from './center.js';
import { hotlinesOf } from './hotlines.js';

/** An agent id the announcement may read out: what user ids are made of. */
export const AGENT_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** What the caller hears: digits one by one in Chinese (1002 is 一零零二, not 一千零二). */
export function agentAnnouncement(agentId: string, lang: Language): string {
  if (lang === 'en') return `Agent ${agentId.split('').join(' ')} will assist you.`;
  return `工号 ${agentId.split('').join(' ')} 为您服务。`;
}

export interface AnnounceQuery {
  readonly agentId: string;
  readonly customer: string;
  readonly lang: Language;
}

/**
 * The conference's status callback for a task given to `agentId`: it names the customer's call (so each
 * event knows whose leave ends the call without asking TaskRouter), and carries the announcement's
 * parameters when the hotline the customer called announces its agents.
 */
export function conferenceStatusUrl(
  center: Pick<Center, 'config'>,
  input: {
    readonly called: string;
    readonly agentId?: string;
    readonly customer?: string;
    readonly lang: Language;
  },
): string {
  const url = `${center.config.webhookBaseUrl}/twilio/taskrouter/conference-status`;
  if (!input.customer) return url;
  const { flow } = flowFor(hotlinesOf(center.config), input.called);
  if (!flow.announceAgent || !input.agentId || !AGENT_ID.test(input.agentId))
    return `${url}?${new URLSearchParams({ customer: input.customer })}`;
  return `${url}?${new URLSearchParams({ announce: input.agentId, customer: input.customer, lang: input.lang })}`;
}

/** The announcement's parameters from the callback's query; undefined when there are none or they are bad. */
export function announceQuery(q: Readonly<Record<string, string | undefined>>): AnnounceQuery | undefined {
  const { announce, customer, lang } = q;
  if (!announce || !AGENT_ID.test(announce) || !customer?.startsWith('CA')) return undefined;
  return { agentId: announce, customer, lang: lang === 'en' ? 'en' : 'zh' };
}

/** The customer has joined the agent's conference: they alone hear the agent's number. */
export async function announceAgent(
  center: Pick<Center, 'config' | 'telephony' | 'logger'>,
  conferenceSid: string,
  a: AnnounceQuery,
): Promise<void> {
  const announceUrl = `${center.config.webhookBaseUrl}/twilio/ivr/announce-agent?${new URLSearchParams({
    agent: a.agentId,
    lang: a.lang,
  })}`;
  // The call goes on without it: a failed announcement is logged, never a failed webhook.
  await center.telephony
    .updateParticipant(conferenceSid, a.customer, { announceUrl })
    .catch((error: unknown) => {
      center.logger.warn('agent announcement failed', { conferenceSid, error: String(error) });
    });
}
