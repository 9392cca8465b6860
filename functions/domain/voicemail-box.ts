// Voicemail mailboxes: one per queue and one per agent. A message is in its agent's box when it has an
// agentId (the caller's owner agent), else in its queue's box. Who may open a box, and who is told of
// new messages (the `voicemail-mailboxes` settings document, an agent's own phone by default).
import { isLead, type User, type Voicemail } from './model.js';

/** `agent:1001` or `queue:claims`. */
export type Mailbox = `agent:${string}` | `queue:${string}`;

export const MAILBOX_PATTERN = /^(agent|queue):[A-Za-z0-9._-]{1,64}$/;

export function mailboxOf(v: Pick<Voicemail, 'agentId' | 'queue'>): Mailbox {
  return v.agentId ? `agent:${v.agentId}` : `queue:${v.queue}`;
}

const leads = isLead;

/** The boxes an agent works: their own and those of the queues they have the skill for. */
export function mailboxesOf(user: Pick<User, 'id' | 'skills'>): Mailbox[] {
  return [`agent:${user.id}`, ...user.skills.map((skill): Mailbox => `queue:${skill}`)];
}

/** Supervisors and admins open every box; an agent their own and their skills' queues. */
export function mayOpen(user: Pick<User, 'id' | 'skills' | 'roles'>, mailbox: string): boolean {
  return leads(user.roles) || (mailboxesOf(user) as string[]).includes(mailbox);
}

/** Where new-message notices for a box go; stored as the settings document `voicemail-mailboxes`. */
export interface MailboxContacts {
  /** E.164 numbers texted (through the SMS send job, so opt-outs are honoured). */
  readonly sms?: readonly string[];
  readonly email?: readonly string[];
}
export type MailboxDirectory = Readonly<Record<string, MailboxContacts>>;
export const MAILBOX_SETTINGS = 'voicemail-mailboxes';

/** The box's configured contacts; an agent's box falls back to the agent's own phone for SMS. */
export function contactsFor(
  mailbox: Mailbox,
  directory: MailboxDirectory | undefined,
  agent?: Pick<User, 'phone'>,
): { readonly sms: readonly string[]; readonly email: readonly string[] } {
  const configured = directory?.[mailbox];
  const sms = configured?.sms ?? (mailbox.startsWith('agent:') && agent?.phone ? [agent.phone] : []);
  return { sms: [...new Set(sms)], email: [...new Set(configured?.email ?? [])] };
}

/** The notice, in the box owner's terms: who called, how long, why, and where to listen. */
export function voicemailNotice(v: Voicemail, mailbox: Mailbox, listenUrl: string): string {
  const reason = v.reason.replaceAll('-', ' ');
  return `New voicemail in ${mailbox} from ${v.caller} (${v.durationSeconds} s, ${reason}). Listen: ${listenUrl}`;
}
