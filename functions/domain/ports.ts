// The storage port the domain and HTTP layers depend on. The DynamoDB adapter implements it;
// every method is tested through one contract suite against dynalite and any DYNAMODB_ENDPOINT.

import type { BulkSmsRepo } from './bulk-sms-port.js';
import type { CampaignRepo } from './campaigns/ports.js';
import type { FaxRepo, MessagingRepo, RecordingRepo } from './channel-ports.js';
import type { EventLog, RollupRepo } from './history/ports.js';
import type { ApiKeyRepo } from './integrations/ports.js';
import type { KbRepo } from './kb/ports.js';
import type {
  Asset,
  AuditEntry,
  BlacklistEntry,
  BlacklistRequest,
  CallRecord,
  Customer,
  Policy,
  Task,
  TaskStatus,
  Ticket,
  TicketAttachment,
  TicketEvent,
  TicketSla,
  TicketStatus,
  User,
  Voicemail,
  VoicemailStatus,
} from './model.js';
import type { Page, PageRequest } from './paging.js';
import type { PushConnectionRepo } from './push.js';
import type { QualityRepo } from './quality/ports.js';

// Re-exported: callers have always found the paging types next to the repositories that return them.
export type { Page, PageRequest } from './paging.js';

/** Expected failures of a write, as values rather than exceptions. */
export type WriteResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: T }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly field: string; readonly value: string };

type New<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;
export type NewCustomer = Omit<New<Customer>, 'id'> & { readonly id?: string };
export type NewAsset = Asset extends infer A
  ? A extends Asset
    ? Omit<New<A>, 'id'> & { id?: string }
    : never
  : never;
export type NewPolicy = New<Policy>;
export type NewTicket = Omit<New<Ticket>, 'number' | 'history' | 'callSids' | 'recordingSids' | 'fields'> & {
  readonly callSids?: readonly string[];
  readonly fields?: Readonly<Record<string, string>>;
};
export type NewTask = Omit<New<Task>, 'id' | 'attempts' | 'status'> & { readonly status?: TaskStatus };
export type NewCallRecord = Omit<New<CallRecord>, 'ticketNumbers' | 'recordingSids'>;
export type NewUser = New<User>;

export type CustomerLookup =
  | { readonly by: 'phone'; readonly value: string }
  | { readonly by: 'policy'; readonly value: string }
  | { readonly by: 'vin'; readonly value: string }
  | { readonly by: 'plate'; readonly value: string }
  | { readonly by: 'idCode'; readonly value: string };

export interface CustomerRepo {
  create(input: NewCustomer): Promise<WriteResult<Customer>>;
  get(id: string): Promise<Customer | undefined>;
  /** Applies `patch` if the stored version equals `expectedVersion`. */
  update(
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<NewCustomer, 'id'>>,
  ): Promise<WriteResult<Customer>>;
  /** Every customer matching the key (a shared family phone can match several). */
  find(lookup: CustomerLookup): Promise<Customer[]>;
  /** Case-insensitive name/company prefix or any exact key (phone, policy, VIN, plate, id code). */
  search(text: string, page?: PageRequest): Promise<Page<Customer>>;
  list(page?: PageRequest): Promise<Page<Customer>>;
}

export interface AssetRepo {
  create(input: NewAsset): Promise<WriteResult<Asset>>;
  get(id: string): Promise<Asset | undefined>;
  byCustomer(customerId: string): Promise<Asset[]>;
  byVin(vin: string): Promise<Asset | undefined>;
  byPlate(plate: string): Promise<Asset | undefined>;
}

export interface PolicyRepo {
  create(input: NewPolicy): Promise<WriteResult<Policy>>;
  get(number: string): Promise<Policy | undefined>;
  byCustomer(customerId: string): Promise<Policy[]>;
  update(
    number: string,
    expectedVersion: number,
    patch: Partial<Omit<NewPolicy, 'number' | 'customerId'>>,
  ): Promise<WriteResult<Policy>>;
}

export interface TicketPatch {
  readonly status?: TicketStatus;
  readonly priority?: Ticket['priority'];
  readonly subject?: string;
  readonly description?: string;
  readonly assigneeId?: string | null;
  readonly dueAt?: string | null;
  readonly fields?: Readonly<Record<string, string>>;
  readonly addCallSid?: string;
  readonly addRecordingSid?: string;
  readonly note?: string;
  /** Handed to a department (recorded in the history), or taken back from it (null). */
  readonly department?: string | null;
  /** The SLA timer as it now stands (null: no SLA). */
  readonly sla?: TicketSla | null;
  /** A file added (appended to `attachments`, recorded in the history). */
  readonly addAttachment?: TicketAttachment;
  /** Entries for the history besides the ones the patch itself makes (an SLA reminder, the customer's word). */
  readonly events?: readonly Omit<TicketEvent, 'at'>[];
}

/** A ticket filed, or (`existing`) the open ticket already filed for the same incident or request. */
export type TicketCreated = WriteResult<Ticket> & { readonly existing?: boolean };

export interface TicketRepo {
  /**
   * Allocates the next human-readable number for the type and year from an atomic counter, unless an open
   * ticket already holds one of the new ticket's incident keys (domain/ticket-incident.ts) or the
   * client's `requestKey`: then that ticket comes back, with `existing`.
   */
  create(input: NewTicket, by: string, options?: { readonly requestKey?: string }): Promise<TicketCreated>;
  get(number: string): Promise<Ticket | undefined>;
  /** Validated by the caller against ticket-workflow; records history. */
  update(
    number: string,
    expectedVersion: number,
    patch: TicketPatch,
    by: string,
  ): Promise<WriteResult<Ticket>>;
  /**
   * Appends a note to the history in one atomic write that needs no version, so concurrent notes all
   * land; it still bumps the version, so a change based on the ticket as it was before fails cleanly.
   */
  addNote(number: string, text: string, by: string): Promise<WriteResult<Ticket>>;
  byCustomer(customerId: string, page?: PageRequest): Promise<Page<Ticket>>;
  byStatus(status: TicketStatus, page?: PageRequest): Promise<Page<Ticket>>;
  byAssignee(userId: string, page?: PageRequest): Promise<Page<Ticket>>;
}

export interface TaskRepo {
  create(input: NewTask): Promise<WriteResult<Task>>;
  get(id: string): Promise<Task | undefined>;
  update(
    id: string,
    expectedVersion: number,
    patch: Partial<
      Pick<Task, 'status' | 'dueAt' | 'assigneeId' | 'note' | 'attempts' | 'lastAttemptAt' | 'autoDial'>
    >,
  ): Promise<WriteResult<Task>>;
  /** Open tasks due at or before `at`, earliest first. */
  dueBefore(at: string, page?: PageRequest): Promise<Page<Task>>;
  byCustomer(customerId: string): Promise<Task[]>;
  byAssignee(userId: string, page?: PageRequest): Promise<Page<Task>>;
}

export interface CallRepo {
  /** Idempotent on callSid: a replay returns the stored record unchanged. */
  record(input: NewCallRecord): Promise<{ readonly created: boolean; readonly call: CallRecord }>;
  get(callSid: string): Promise<CallRecord | undefined>;
  update(
    callSid: string,
    patch: Partial<
      Pick<
        CallRecord,
        | 'status'
        | 'answeredAt'
        | 'endedAt'
        | 'agentId'
        | 'customerId'
        | 'queue'
        | 'disposition'
        | 'notes'
        | 'language'
      >
    > & { readonly addTicketNumber?: string; readonly addRecordingSid?: string },
  ): Promise<WriteResult<CallRecord>>;
  /**
   * A status callback, in one write: the status, `answeredAt` the first time it is answered, `endedAt`
   * when final. A call that has ended already stays as it was ('ended'): its record is final.
   */
  progress(
    callSid: string,
    status: {
      readonly status: string;
      readonly at: string;
      readonly answered: boolean;
      readonly final: boolean;
    },
  ): Promise<
    { readonly outcome: 'updated' | 'ended'; readonly call: CallRecord } | { readonly outcome: 'not-found' }
  >;
  byCustomer(customerId: string, page?: PageRequest): Promise<Page<CallRecord>>;
  /** `day` is YYYY-MM-DD in UTC. */
  byDay(day: string, page?: PageRequest): Promise<Page<CallRecord>>;
  byAgent(agentId: string, page?: PageRequest): Promise<Page<CallRecord>>;
  /**
   * Calls that started and have no end, oldest first, read from a marker set kept beside the records
   * (never a scan). A page may hold fewer than asked: a marker an interrupted write left behind is
   * removed as it is met.
   */
  open(page?: PageRequest): Promise<Page<CallRecord>>;
}

export interface UserRepo {
  create(input: NewUser): Promise<WriteResult<User>>;
  get(id: string): Promise<User | undefined>;
  update(
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<NewUser, 'id'>>,
  ): Promise<WriteResult<User>>;
  list(page?: PageRequest): Promise<Page<User>>;
}

export interface AuditRepo {
  append(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry>;
  /** Newest first; `day` is YYYY-MM-DD in UTC. */
  byDay(day: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  byActor(actor: string, page?: PageRequest): Promise<Page<AuditEntry>>;
}

/**
 * What a short-lived key marks. The storage adapter turns each into its key; nothing else builds key
 * strings, so a key's layout is decided in one place and callers cannot collide by accident.
 */
export type MarkerKey =
  /** The reason an agent gave for a break. */
  | { readonly kind: 'break'; readonly agentId: string }
  /** The call an agent is on outside a TaskRouter reservation (click-to-dial, pick, transfer in). */
  | { readonly kind: 'agent-call'; readonly agentId: string }
  /** The agent's page is alive until the marker expires. */
  | { readonly kind: 'heartbeat'; readonly agentId: string }
  /** The text conversations an agent has taken and not yet ended (a JSON list of phones). */
  | { readonly kind: 'agent-texts'; readonly agentId: string }
  /** The faxes routed to an agent that they have not finished (a JSON list). */
  | { readonly kind: 'agent-faxes'; readonly agentId: string }
  /** The live call a supervisor listens to or talks on (its conference and their leg, JSON). */
  | { readonly kind: 'supervisor-leg'; readonly agentId: string }
  /** The task (and worker) a customer's call belongs to. */
  | { readonly kind: 'call-task'; readonly callSid: string }
  /** How a caller chose to leave the queue (callback or voicemail). */
  | { readonly kind: 'queue-exit'; readonly callSid: string }
  /** When a campaign's person finished hearing the queue's greeting (seconds in the queue). */
  | { readonly kind: 'queue-greeted'; readonly callSid: string }
  /** The assignment's conference instruction is ringing this reservation's agent. */
  | { readonly kind: 'conference-offer'; readonly reservationSid: string }
  /** An offer the agent missed, already recorded (its value is the reason). */
  | { readonly kind: 'missed-offer'; readonly reservationSid: string }
  /** A session signed out before its expiry. */
  | { readonly kind: 'session-revoked'; readonly sessionId: string }
  /** Failed logins of one id or address within one throttle window. */
  | {
      readonly kind: 'login-fail';
      readonly scope: string;
      readonly subject: string;
      readonly window: number;
    }
  /** Outbound calls or texts of one agent, or of the whole center, within one rate window. */
  | {
      readonly kind: 'dial-rate';
      readonly scope: 'agent' | 'center';
      readonly channel: 'call' | 'sms';
      readonly subject: string;
      readonly window: number;
    }
  /** Calls made with one API key within one minute. */
  | { readonly kind: 'api-key-rate'; readonly keyId: string; readonly window: number }
  /** An SMS already sent for this dedupe key. */
  | { readonly kind: 'sms-sent'; readonly dedupeKey: string }
  /** A mail already sent for this dedupe key. */
  | { readonly kind: 'mail-sent'; readonly dedupeKey: string }
  /** The last call from a number, and the one before it: repeat callers within 24 hours and 7 days. */
  | { readonly kind: 'last-call'; readonly phone: string }
  /** What an agent has typed so far about one call (wrap-up, ticket form, screen pop). */
  | { readonly kind: 'call-draft'; readonly agentId: string; readonly callSid: string }
  /** Bulk texts sent from one number within one minute of the clock (`window`: epoch minutes). */
  | { readonly kind: 'bulk-sms-rate'; readonly sender: string; readonly window: number };

/**
 * Short-lived markers and counters (login throttling, outbound rate limits, webhook idempotency, presence);
 * TTL in AWS.
 */
export interface KeyValueRepo {
  /** Atomically adds `by` to a counter that expires at `expiresAt`; returns the new value. */
  increment(key: MarkerKey, by: number, expiresAt: string): Promise<number>;
  /** A counter's count, or the value a marker was put with. */
  get(key: MarkerKey): Promise<{ value: number | string; expiresAt: string } | undefined>;
  delete(key: MarkerKey): Promise<void>;
  /** Writes the marker whatever was there, in one write: the latest word wins (a transfer's new task). */
  put(key: MarkerKey, value: string, expiresAt: string): Promise<void>;
  /**
   * Writes the marker whatever was there and returns what it replaced (undefined when there was none or it
   * had expired), in one write with no read before it.
   */
  swap(
    key: MarkerKey,
    value: string,
    expiresAt: string,
  ): Promise<{ value: string; expiresAt: string } | undefined>;
  /** Writes only if absent (or expired); true when this call wrote it. */
  putIfAbsent(key: MarkerKey, value: string, expiresAt: string): Promise<boolean>;
  /**
   * Writes the marker unless it already expires later, in one conditional write, so a late write never
   * shortens it: 'renewed' when a live marker was there, 'started' when none was (or it had expired),
   * 'kept' when the one there outlives this write and stays as it was.
   */
  renew(key: MarkerKey, value: string, expiresAt: string): Promise<'renewed' | 'started' | 'kept'>;
  /**
   * Compare-and-set: writes `value` (deletes the marker when undefined) only while the marker still holds
   * `expected` (undefined: absent or expired), in one conditional write; false when it had changed.
   */
  replace(
    key: MarkerKey,
    expected: string | undefined,
    value: string | undefined,
    expiresAt: string,
  ): Promise<boolean>;
}

export interface Store {
  readonly customers: CustomerRepo;
  readonly assets: AssetRepo;
  readonly policies: PolicyRepo;
  readonly tickets: TicketRepo;
  readonly tasks: TaskRepo;
  readonly calls: CallRepo;
  readonly users: UserRepo;
  readonly audit: AuditRepo;
  readonly keys: KeyValueRepo;
  /** IVR: blacklist, voicemails, provisioning settings. */
  readonly blacklist: BlacklistRepo;
  readonly blacklistRequests: BlacklistRequestRepo;
  readonly voicemails: VoicemailRepo;
  readonly settings: SettingsRepo;
  /** Recordings, SMS and faxes (functions/domain/channel-ports.ts). */
  readonly recordings: RecordingRepo;
  readonly messaging: MessagingRepo;
  readonly faxes: FaxRepo;
  /** The push channel's open connections (functions/domain/push.ts). */
  readonly push: PushConnectionRepo;
  /** The event history and its rollups (functions/domain/history). */
  readonly events: EventLog;
  readonly rollups: RollupRepo;
  /** The knowledge base (functions/domain/kb). */
  readonly kb: KbRepo;
  /** Quality scoring: forms and scores (functions/domain/quality). */
  readonly quality: QualityRepo;
  /** Outbound campaigns, their contacts and the do-not-call list (functions/domain/campaigns). */
  readonly campaigns: CampaignRepo;
  /** Outside systems' API keys and the requests made with them (functions/domain/integrations). */
  readonly apiKeys: ApiKeyRepo;
  /** Bulk SMS sends and their recipients (functions/domain/bulk-sms.ts). */
  readonly bulkSms: BulkSmsRepo;
}

/** The caller lists: numbers stopped before the IVR, and whitelisted numbers (one entry per number). */
export interface BlacklistRepo {
  /** Adds or replaces the entry for the number (a whitelisting replaces a block, and the reverse). */
  put(entry: Omit<BlacklistEntry, 'createdAt'>): Promise<BlacklistEntry>;
  get(phone: string): Promise<BlacklistEntry | undefined>;
  remove(phone: string): Promise<void>;
  /** The blocked numbers. */
  list(page?: PageRequest): Promise<Page<BlacklistEntry>>;
  /** The whitelisted numbers. */
  listAllowed(page?: PageRequest): Promise<Page<BlacklistEntry>>;
}

export type NewBlacklistRequest = Pick<BlacklistRequest, 'phone' | 'reason' | 'callSid' | 'requestedBy'>;

export interface BlacklistDecision {
  readonly status: 'approved' | 'rejected';
  readonly decidedBy: string;
  readonly note?: string;
}

/** Outcome of a decision: only the first decider of a pending request wins. */
export type BlacklistDecisionResult =
  | { readonly ok: true; readonly value: BlacklistRequest }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'already-decided'; readonly current: BlacklistRequest };

/** Agents' requests to blacklist a number, one item each, so concurrent requests and decisions lose nothing. */
export interface BlacklistRequestRepo {
  /** A new pending request with a generated, time-ordered id. */
  create(input: NewBlacklistRequest): Promise<BlacklistRequest>;
  get(id: string): Promise<BlacklistRequest | undefined>;
  /** Pending requests, oldest first. */
  pending(page?: PageRequest): Promise<Page<BlacklistRequest>>;
  /** Decided requests, most recently decided first. */
  decided(page?: PageRequest): Promise<Page<BlacklistRequest>>;
  /** Conditional on the request still being pending: of two concurrent decisions exactly one wins. */
  decide(id: string, decision: BlacklistDecision): Promise<BlacklistDecisionResult>;
  /** Stores a request as it is, keeping its id, unless that id is stored already (migration); true if written. */
  restore(request: BlacklistRequest): Promise<boolean>;
}

export type NewVoicemail = Omit<
  Voicemail,
  'createdAt' | 'updatedAt' | 'version' | 'status' | 'handledBy' | 'handledAt'
>;

export interface VoicemailRepo {
  /** Idempotent on recordingSid: a replay returns the stored voicemail with created false. */
  create(input: NewVoicemail): Promise<{ readonly created: boolean; readonly voicemail: Voicemail }>;
  get(recordingSid: string): Promise<Voicemail | undefined>;
  update(
    recordingSid: string,
    expectedVersion: number,
    patch: Partial<Pick<Voicemail, 'status' | 'taskId' | 'agentId' | 'handledBy' | 'handledAt'>>,
  ): Promise<WriteResult<Voicemail>>;
  /** Newest first. */
  byStatus(status: VoicemailStatus, page?: PageRequest): Promise<Page<Voicemail>>;
  /** One mailbox (`agent:<id>` or `queue:<name>`, see functions/domain/voicemail-box.ts), newest first. */
  byMailbox(mailbox: string, page?: PageRequest): Promise<Page<Voicemail>>;
  byCustomer(customerId: string): Promise<Voicemail[]>;
}

/** Small named documents the deployment writes once and reads often (e.g. provisioned TaskRouter SIDs). */
export interface SettingsRepo {
  get<T>(name: string): Promise<T | undefined>;
  /** Several settings in one request (settings a call reads at the same moment); missing ones absent. */
  getMany(names: readonly string[]): Promise<Map<string, unknown>>;
  put<T>(name: string, value: T): Promise<void>;
  /**
   * Read, change and write back as one step: the write is conditional on the document being as read,
   * and a lost race is read again and changed again, so concurrent changes never undo one another.
   * `change` returns the new document, or undefined to leave it as it is. Returns what is stored.
   */
  change<T>(name: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
}

/** Time comes from one injectable clock shared by the app and the Twilio twin. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
