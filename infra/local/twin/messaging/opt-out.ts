// Opt-out keywords (docs/twilio-behaviour.md §6.4): a whole-message STOP-family keyword (trimmed, any case) opts the sender out
// of messages from that number until they send START; sending to them then fails with 21610.
export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
];
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'];
export const HELP_KEYWORDS = ['HELP', 'INFO'];

export type Keyword = 'STOP' | 'START' | 'HELP' | undefined;

export function classify(body: string): Keyword {
  const word = body.trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.includes(word)) return 'STOP';
  if (OPT_IN_KEYWORDS.includes(word)) return 'START';
  if (HELP_KEYWORDS.includes(word)) return 'HELP';
  return undefined;
}

/** Who has opted out of which of our numbers. */
export class OptOutList {
  private readonly pairs = new Set<string>();
  optOut(ourNumber: string, theirNumber: string): void {
    this.pairs.add(`${ourNumber}|${theirNumber}`);
  }
  optIn(ourNumber: string, theirNumber: string): void {
    this.pairs.delete(`${ourNumber}|${theirNumber}`);
  }
  isOptedOut(ourNumber: string, theirNumber: string): boolean {
    return this.pairs.has(`${ourNumber}|${theirNumber}`);
  }
}

/** Twilio's default confirmations (wording [K]). */
export const DEFAULT_REPLIES: Record<'STOP' | 'START' | 'HELP', string> = {
  STOP: 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  START:
    'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe.',
  HELP: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};
