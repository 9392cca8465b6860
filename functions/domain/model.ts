// The records the contact center keeps: customers and what they own, tickets, tasks, calls, users, audit.
// Plain data shared by the domain rules, the adapters and the HTTP schemas.

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const VIP_TIERS = ['none', 'silver', 'gold', 'platinum'] as const;
export type VipTier = (typeof VIP_TIERS)[number];

/** Every stored entity carries these; `version` drives optimistic locking. */
export interface Stamped {
  readonly createdAt: string; // ISO 8601 UTC
  readonly updatedAt: string;
  readonly version: number;
}

export interface Customer extends Stamped {
  readonly id: string;
  readonly name: string;
  /** E.164, first is primary. */
  readonly phones: readonly string[];
  readonly company?: string;
  /** Customer identification code (IT support line asks for it). Unique. */
  readonly idCode?: string;
  readonly language: Language;
  readonly vipTier: VipTier;
  readonly ownerAgentId?: string;
  readonly region?: string;
  readonly email?: string;
  readonly notes?: string;
}

export const ASSET_KINDS = ['vehicle', 'device'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

interface AssetBase extends Stamped {
  readonly id: string;
  readonly customerId: string;
}
export interface Vehicle extends AssetBase {
  readonly kind: 'vehicle';
  /** 17 characters, upper case, no I/O/Q. Unique. */
  readonly vin: string;
  /** Registration plate, normalised: upper case, no spaces or separators. Unique. */
  readonly plate?: string;
  readonly make: string;
  readonly model: string;
  readonly year: number;
}
export interface Device extends AssetBase {
  readonly kind: 'device';
  readonly product: string;
  readonly serial: string;
}
export type Asset = Vehicle | Device;

export const POLICY_STATUSES = ['valid', 'expired', 'cancelled'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** An extended-warranty policy sold with a used car through a dealer or used-car market. */
export interface Policy extends Stamped {
  /** Policy number, unique; also the id. */
  readonly number: string;
  readonly customerId: string;
  readonly vehicleId?: string;
  readonly status: PolicyStatus;
  readonly product: string;
  readonly startsOn: string; // YYYY-MM-DD
  readonly endsOn: string;
  readonly dealer: { readonly name: string; readonly phone?: string };
}

export const TICKET_TYPES = ['claim', 'complaint', 'policy-change', 'inquiry', 'rescue', 'fault'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = [
  'new',
  'open',
  'pending',
  'escalated',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** `sla`: a reminder or an escalation; `department`: handed to one; `confirmation`: the customer's word. */
export const TICKET_EVENT_KINDS = [
  'created',
  'status',
  'assigned',
  'note',
  'updated',
  'sla',
  'department',
  'confirmation',
] as const;

export interface TicketEvent {
  readonly at: string;
  readonly by: string; // user id, or 'ivr' / 'system'
  readonly kind: (typeof TICKET_EVENT_KINDS)[number];
  readonly from?: string;
  readonly to?: string;
  readonly text?: string;
}

export interface Ticket extends Stamped {
  /** Human-readable number, e.g. CLM-2026-000123; also the id. */
  readonly number: string;
  readonly type: TicketType;
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly subject: string;
  readonly description?: string;
  readonly customerId?: string;
  readonly assetId?: string;
  readonly policyNumber?: string;
  readonly assigneeId?: string;
  readonly dueAt?: string;
  readonly callSids: readonly string[];
  readonly recordingSids: readonly string[];
  /** Type-specific fields (claim: fault, mileage, location; rescue: location, ETA ...). */
  readonly fields: Readonly<Record<string, string>>;
  /** Status changes, assignments and notes, oldest first. */
  readonly history: readonly TicketEvent[];
  /** The department (flows/work-orders.ts) the ticket was handed to. */
  readonly department?: string;
  /** Its service-level timer, when a policy covers its type and the customer's tier. */
  readonly sla?: TicketSla;
  /** Files added to it (photos, invoices, reports), kept in the media bucket. */
  readonly attachments?: readonly TicketAttachment[];
}

export interface TicketAttachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** Where the bytes are in the media bucket. */
  readonly s3Key: string;
  readonly at: string;
  readonly by: string;
}

/** Where a ticket's SLA stands: due times (moved on by pauses), and what was already sent, never twice. */
export interface TicketSla {
  readonly policy: string;
  readonly respondBy: string;
  readonly resolveBy: string;
  readonly respondedAt?: string;
  /** Set while waiting for the customer: nothing falls due. */
  readonly pausedAt?: string;
  /** Minutes-before of the reminders sent. */
  readonly reminded: readonly number[];
  /** Escalation steps taken. */
  readonly escalated: number;
  /** Whether the first response is counted late (set once it was). */
  readonly respondLate?: boolean;
}

export const TASK_KINDS = ['callback', 'follow-up', 'outbound-call'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task extends Stamped {
  readonly id: string;
  readonly kind: TaskKind;
  readonly status: TaskStatus;
  readonly dueAt: string;
  readonly customerId?: string;
  readonly ticketNumber?: string;
  /** Number to call, E.164. */
  readonly phone?: string;
  readonly assigneeId?: string;
  readonly queue?: string;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lastAttemptAt?: string;
  readonly note?: string;
  /** Callback requested from a queue: when the caller first joined it, so the callback keeps that place. */
  readonly enqueuedAt?: string;
  readonly language?: Language;
  /**
   * The center places the call when the task is due: it rings the assignee first (then the queue's agents)
   * and, once an agent answers, dials `phone` from `callerId` (functions/http/twilio/ivr/callbacks.ts).
   * Without it the task waits in someone's list for a person to call back.
   */
  readonly autoDial?: boolean;
  /** Hotline number the customer sees when the center calls back, E.164 (flows/numbers.ts). */
  readonly callerId?: string;
}

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export interface CallRecord extends Stamped {
  /** Twilio CallSid; also the id, so webhook replays are idempotent. */
  readonly callSid: string;
  readonly direction: CallDirection;
  readonly from: string;
  readonly to: string;
  readonly startedAt: string;
  readonly answeredAt?: string;
  readonly endedAt?: string;
  readonly status: string;
  readonly customerId?: string;
  readonly agentId?: string;
  readonly queue?: string;
  readonly ticketNumbers: readonly string[];
  readonly recordingSids: readonly string[];
  readonly disposition?: string;
  readonly notes?: string;
  /** The language the caller chose in the IVR: what texts after the call (the survey) are written in. */
  readonly language?: 'zh' | 'en';
  /** A campaign's call: its wrap-up offers the campaign's dispositions and records them on the contact. */
  readonly campaignId?: string;
  readonly contactId?: string;
}

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Supervisors and admins see and act on everyone's calls, tasks and mailboxes; agents on their own. */
export function isLead(roles: readonly Role[]): boolean {
  return roles.includes('supervisor') || roles.includes('admin');
}

/** Login ids: what user admin accepts, and what a deployment's first admin (`adminId`) must be. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._-]{2,64}$/;
export const USER_ID_RULE = '2-64 letters, digits, dot, underscore or hyphen';

/**
 * An agent's proficiency in a skill, as Amazon Connect and Genesys grade it: among the free agents of a
 * queue the most proficient is offered a caller first. Agents never graded sit in the middle.
 */
export const SKILL_LEVEL = { min: 1, max: 5, default: 3 } as const;

export interface User extends Stamped {
  /** Login id, e.g. agent number "1001" or "admin". */
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly skills: readonly string[];
  /** How well the agent handles each skill ({@link SKILL_LEVEL}); a skill without one counts as the default. */
  readonly skillLevels?: Readonly<Record<string, number>>;
  readonly languages: readonly Language[];
  readonly regions: readonly string[];
  readonly extension?: string;
  readonly phone?: string;
  readonly disabled: boolean;
  /** scrypt$N$r$p$salt$hash (base64); never leaves the server. */
  readonly passwordHash: string;
}

/** A user as anyone but the server sees them: the password hash never leaves it. */
export type PublicUser = Omit<User, 'passwordHash'>;

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * A number's entry on the caller lists, one per number. Blacklisted: stopped before the IVR (`message` plays
 * a refusal, `reject` refuses the call unanswered). Whitelisted (`allow`): never blocked, and never turned
 * away by a full queue.
 */
export interface BlacklistEntry {
  /** E.164; also the id. */
  readonly phone: string;
  readonly action?: 'message' | 'reject' | 'allow';
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** An agent's request to blacklist a caller's number; a supervisor approves (the entry is written) or rejects. */
export interface BlacklistRequest {
  readonly id: string;
  /** E.164. */
  readonly phone: string;
  readonly reason: string;
  readonly callSid?: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: BlacklistRequestStatus;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly note?: string;
}

export type BlacklistRequestStatus = 'pending' | 'approved' | 'rejected';

export const VOICEMAIL_STATUSES = ['new', 'handled'] as const;
export type VoicemailStatus = (typeof VOICEMAIL_STATUSES)[number];

/** A message left in the IVR (after hours, from the queue, when the queue is full); media copied by the recordings worker. */
export interface Voicemail extends Stamped {
  /** Twilio RecordingSid; also the id, so a replayed action writes it once. */
  readonly recordingSid: string;
  readonly callSid: string;
  readonly caller: string;
  readonly called: string;
  readonly customerId?: string;
  readonly queue: string;
  /** Set for a personal mailbox (the customer's owner agent): the agent's box, else the queue's. */
  readonly agentId?: string;
  readonly language: Language;
  readonly durationSeconds: number;
  readonly status: VoicemailStatus;
  /** Who marked it handled, and when. */
  readonly handledBy?: string;
  readonly handledAt?: string;
  /** The follow-up task created for it. */
  readonly taskId?: string;
  /** Why the caller left it: after-hours, queue-full, waited, caller-choice. */
  readonly reason: string;
}

/** Everything an agent sees when a customer's card opens: the record and what hangs off it. */
export interface CustomerView {
  readonly customer: Customer;
  readonly assets: readonly Asset[];
  readonly policies: readonly Policy[];
  readonly tickets: readonly Ticket[];
  readonly calls: readonly CallRecord[];
  readonly tasks: readonly Task[];
}
