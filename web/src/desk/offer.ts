// What the desk knows about a call being offered or taken: the IVR's findings from the task attributes,
// read in either spelling (snake_case from our workflow, camelCase from hand-made tasks). A callback
// reservation (the center calls a customer back) names the customer in `callback_number` and the hotline
// the customer will see in `from`: the agent is shown the customer.

export interface CallFindings {
  readonly from?: string;
  readonly customerId?: string;
  readonly customerName?: string;
  readonly policyNumber?: string;
  readonly ticketNumber?: string;
  readonly language?: string;
  readonly vip?: string;
  readonly queue?: string;
  readonly region?: string;
  readonly intent?: string;
  /** The agent is calling out: a callback the center places once the agent answers. */
  readonly callback?: boolean;
  /** The caller's number is on the whitelist (never blocked, never turned away by a full queue). */
  readonly whitelisted?: boolean;
  /** An outbound campaign's call: the campaign's name, and whether the agent previews before dialling. */
  readonly campaign?: string;
  readonly preview?: boolean;
  /** The guided script the campaign names. */
  readonly scriptId?: string;
}

/** Shown as the intent of a callback with no reason of its own. */
export const CALLBACK_INTENT = '回电 Callback';

export function findingsOf(attributes: Readonly<Record<string, unknown>>, from?: string): CallFindings {
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = attributes[key];
      if (typeof value === 'string' && value) return value;
    }
    return undefined;
  };
  const preview = attributes.type === 'campaign-preview';
  const callback =
    preview || attributes.type === 'callback' || pick('callback_number', 'callbackNumber') !== undefined;
  const entries: [Exclude<keyof CallFindings, 'callback' | 'whitelisted' | 'preview'>, string | undefined][] =
    [
      // A campaign's call names its contact: TaskRouter's own `from` on it is the center's number.
      ['from', pick('customer_number', 'callback_number', 'callbackNumber', 'from', 'caller') ?? from],
      ['campaign', pick('campaign_name')],
      ['scriptId', pick('script_id')],
      ['customerId', pick('customer_id', 'customerId')],
      ['customerName', pick('customer_name', 'customerName')],
      ['policyNumber', pick('policy_number', 'policyNumber')],
      ['ticketNumber', pick('ticket_number', 'ticketNumber', 'ticket')],
      ['language', pick('language', 'lang')],
      ['vip', pick('vip', 'vip_tier')],
      ['queue', pick('queue')],
      ['region', pick('region', 'caller_region')],
      [
        'intent',
        callback && !preview
          ? (pick('intent', 'reason') ?? CALLBACK_INTENT)
          : pick('intent', 'reason', 'flow'),
      ],
    ];
  const found = Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as CallFindings;
  return {
    ...found,
    ...(callback ? { callback } : {}),
    ...(preview ? { preview } : {}),
    ...(attributes.whitelisted === true ? { whitelisted: true } : {}),
  };
}

/** A short region hint from the number itself, when the IVR found none. */
export function regionOfNumber(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  if (phone.startsWith('+86')) {
    const rest = phone.slice(3);
    if (/^1[3-9]/.test(rest)) return 'CN mobile';
    if (rest.startsWith('21')) return 'Shanghai';
    if (rest.startsWith('10')) return 'Beijing';
    if (rest.startsWith('20')) return 'Guangzhou';
    if (rest.startsWith('755')) return 'Shenzhen';
    return 'CN';
  }
  if (phone.startsWith('+1')) return 'US/CA';
  if (phone.startsWith('+44')) return 'UK';
  return undefined;
}
