// The center's phone numbers: which flow each dialled number runs (several numbers may share a flow),
// its name in Twilio, and what a blacklisted caller gets on it (a message, or a reject before answering).
// Provisioning (functions/adapters/twilio/provision-numbers.ts) points each number at the webhooks.
export interface HotlineNumber {
  /** E.164. */
  readonly number: string;
  readonly name: string;
  /** Flow name (flows/index.ts). */
  readonly flow: string;
  /** Blacklisted callers: `message` plays a short refusal and hangs up; `reject` refuses unanswered. */
  readonly blocked: 'message' | 'reject';
}

/**
 * The local stack's demo numbers, in North America's fictional 555-01XX range: local only. A deploy
 * refuses them (infra/aws/deploy-settings.ts); there the numbers and their flows are the `numbers` context.
 */
export const HOTLINE_NUMBERS = [
  {
    number: '+18005550100',
    name: 'Car Care warranty hotline 爱车保服务热线',
    flow: 'warranty',
    blocked: 'message',
  },
  { number: '+18005550111', name: 'Roadside rescue 汽车救援热线', flow: 'rescue', blocked: 'message' },
  {
    number: '+18005550119',
    name: 'Emergency rescue 紧急救援专线',
    flow: 'rescue-emergency',
    // Never applied: the emergency flow refuses nobody, whatever the blacklist says.
    blocked: 'message',
  },
  { number: '+18005550122', name: 'IT support 技术支持热线', flow: 'it-support', blocked: 'reject' },
] as const satisfies readonly HotlineNumber[];
