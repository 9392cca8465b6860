// The key layout of the single table: every partition and sort key a repository stores or queries is
// built here, so the layout reads in one place (docs/data-model.md shows it item by item). Deployed
// tables hold these strings: changing what a builder returns strands the items already written.
import type { TicketStatus, VoicemailStatus } from '../../domain/model.js';
import type { MarkerKey } from '../../domain/ports.js';

// Shared parts: the single-item sort key, time order, day partitions and ranges.

/** Sort key of an entity stored as the one item under its partition key. */
export const ITEM_SK = '#';

/** Time-ordered sort key, ties broken by id, so lists come out in time order: `<iso time>#<id>`. */
export const byTime = (at: string, id: string) => `${at}#${id}`;

/** The UTC day (`YYYY-MM-DD`) of an ISO time: the partition of the per-day lists. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/** BETWEEN bounds for `byTime` keys at or before `at`, `at` itself included ('~' sorts after any id). */
export const atOrBefore = (at: string): readonly [string, string] => ['0', `${at}#~`];

// Entities: GetItem by identity (sort key ITEM_SK).
// Webhook-born records use the provider's id (CallSid, RecordingSid, fax id), so a replayed webhook
// lands on the item it already wrote.

export const customer = (id: string) => `CUSTOMER#${id}`;
export const asset = (id: string) => `ASSET#${id}`;
export const policy = (number: string) => `POLICY#${number}`;
export const ticket = (number: string) => `TICKET#${number}`;
export const task = (id: string) => `TASK#${id}`;
export const call = (callSid: string) => `CALL#${callSid}`;
export const user = (id: string) => `USER#${id}`;
export const recording = (recordingSid: string) => `RECORDING#${recordingSid}`;
export const voicemail = (recordingSid: string) => `VOICEMAIL#${recordingSid}`;
export const fax = (id: string) => `FAX#${id}`;
export const smsMessage = (messageSid: string) => `SMS#${messageSid}`;
/** The post-call survey lives beside its call, one per CallSid. */
export const survey = (callSid: string) => `SURVEY#${callSid}`;
/** gsi2: the surveys asked on a UTC day; sort key `byTime(askedAt, callSid)`. */
export const surveyDay = (day: string) => `SURVEYDAY#${day}`;
export const blacklistRequest = (id: string) => `BLREQ#${id}`;

// Single items named by a natural key (a phone number, a name): GetItem (sort key ITEM_SK).

/** Read by the caller's number before anything else on every incoming call. */
export const blacklisted = (phone: string) => `BLACKLIST#${phone}`;
export const smsOptOut = (phone: string) => `SMSOPTOUT#${phone}`;
export const smsSession = (phone: string) => `SMSSESSION#${phone}`;
/** Named JSON documents (provisioned TaskRouter SIDs, mailbox contacts). */
export const setting = (name: string) => `SETTING#${name}`;
/** Atomic sequence behind human-readable numbers, e.g. `CLM-2026`. */
export const counter = (name: string) => `COUNTER#${name}`;
/**
 * A ticket's incident key (its call, its vehicle, its subject, or a client's request key): names the one
 * open ticket for that incident, so the same claim filed twice is stored once.
 */
export const incident = (key: string) => `INCIDENT#${key}`;
/** One-time claim: the first conditional put wins, so a notification goes out once. */
export const once = (key: string) => `ONCE#${key}`;
/** One event of the center's history, by its id (a retried write lands on the same item). */
export const historyEvent = (id: string) => `EVENT#${id}`;
/** gsi2: the events of one 15-minute interval (its ISO UTC start); sort key `byTime(at, id)`. */
export const historyInterval = (start: string) => `EVENTS#${start}`;
/** One call's events, one partition; sort key `historyEventSk(id)`. */
export const historyCall = (callSid: string) => `EVENTCALL#${callSid}`;
export const historyEventSk = (id: string) => `EVENT#${id}`;
/** Intervals late events changed since their rollup; sort key the interval start. */
export const historyDirty = 'EVENTSDIRTY';
/** One dimension's rollups at one granularity; sort key the interval start or the local date. */
export const rollups = (dimension: string, granularity: string) => `ROLLUP#${dimension}#${granularity}`;

/** The push channel's open connections, one partition; sort key: the connection id. */
export const pushConnections = 'PUSHCONN';
/** Short-lived markers and counters (TTL); changing a layout orphans live markers. */
export function marker(key: MarkerKey): string {
  switch (key.kind) {
    case 'break':
    case 'agent-call':
    case 'heartbeat':
    case 'agent-texts':
    case 'agent-faxes':
    case 'supervisor-leg':
      return `KV#${key.kind}#${key.agentId}`;
    case 'call-task':
    case 'queue-exit':
    case 'queue-greeted':
      return `KV#${key.kind}#${key.callSid}`;
    case 'conference-offer':
    case 'missed-offer':
      return `KV#${key.kind}#${key.reservationSid}`;
    case 'session-revoked':
      return `KV#${key.kind}#${key.sessionId}`;
    case 'login-fail':
      return `KV#${key.kind}#${key.scope}#${key.subject.toLowerCase()}#${key.window}`;
    case 'dial-rate':
      return `KV#${key.kind}#${key.scope}#${key.channel}#${key.subject}#${key.window}`;
    case 'api-key-rate':
      return `KV#${key.kind}#${key.keyId}#${key.window}`;
    case 'last-call':
      return `KV#${key.kind}#${key.phone}`;
    case 'sms-sent':
    case 'mail-sent':
      return `KV#${key.kind}#${key.dedupeKey}`;
    case 'call-draft':
      return `KV#${key.kind}#${key.agentId}#${key.callSid}`;
    case 'bulk-sms-rate':
      return `KV#${key.kind}#${key.sender}#${key.window}`;
  }
}

// Item collections: several items under one partition key.

export type LookupKind = 'phone' | 'vin' | 'plate' | 'idCode';
/**
 * Pointers from a secondary key to the entity holding it. Sort key: the target id for phones (several
 * customers may share one), ITEM_SK for the unique keys (VIN, plate, id code).
 */
export const lookup = (kind: LookupKind, value: string) => `LOOKUP#${kind}#${value}`;

/**
 * Customer name search (`domain/name-search.ts` makes the keys): one partition per first character of a
 * name key, sort key `<name key>#<customer id>`, so a typed prefix is one `begins_with` Query.
 */
export const nameIndex = (nameKey: string) => `NAMEKEY#${[...nameKey][0] ?? ''}`;
export const nameIndexEntry = (nameKey: string, customerId: string) => `${nameKey}#${customerId}`;

export type RecordingIndexField = 'caller' | 'queue' | 'ticket';
/** Recording search by a key the recording item has no index for; sort key `byTime(startedAt, sid)`. */
export const recordingIndex = (field: RecordingIndexField, value: string) => `RECIDX#${field}#${value}`;

/** The audit log of one UTC day; sort key `byTime(at, id)`. */
export const auditDay = (day: string) => `AUDIT#${day}`;

// gsi1 (owner) and gsi3 (person): shared partitions, one kind per sort-key prefix.

/** gsi1: everything on a customer's file (assets, policies, tickets, tasks, calls, recordings, ...). */
export const customerItems = (customerId: string) => `CUSTOMER#${customerId}`;
/** gsi3: the tickets assigned to a user, and their open or in-progress tasks. */
export const assignee = (userId: string) => `ASSIGNEE#${userId}`;
/** gsi3: the calls, recordings and surveys of an agent. */
export const agent = (userId: string) => `AGENT#${userId}`;
/** gsi3: the audit entries of whoever acted; sort key `byTime(at, id)`. */
export const actor = (userId: string) => `ACTOR#${userId}`;
/** gsi3: a voicemail box (`agent:1001`, `queue:claims`). */
export const mailbox = (box: string) => `MAILBOX#${box}`;

/** The sort-key prefix of each kind in a shared partition (recordings are `REC#` there, not `RECORDING#`). */
const LISTED = {
  asset: 'ASSET#',
  policy: 'POLICY#',
  ticket: 'TICKET#',
  task: 'TASK#',
  call: 'CALL#',
  recording: 'REC#',
  voicemail: 'VOICEMAIL#',
  sms: 'SMS#',
  fax: 'FAX#',
  survey: 'SURVEY#',
  qaScore: 'QASCORE#',
} as const;
export type ListedKind = keyof typeof LISTED;

/** Sort key in a shared partition: the kind, then its order (an id or a `byTime` key). */
export const listed = (kind: ListedKind, order: string) => `${LISTED[kind]}${order}`;
/** begins_with prefix selecting one kind in a shared partition. */
export const listedPrefix = (kind: ListedKind) => LISTED[kind];

/**
 * BETWEEN bounds for `byTime` keys from `from` through every key that starts with `to`, so a day or a
 * minute given as `to` takes all of it; with `kind`, within that kind's part of a shared partition.
 */
export function timeSpan(from: string, to: string, kind?: ListedKind): readonly [string, string] {
  const prefix = kind ? LISTED[kind] : '';
  return [`${prefix}${from}`, `${prefix}${to}~`];
}

// gsi2 (state and time): whole-center lists.

/** Every customer, sort key `byName`: listing (and, for customers saved before the name index, search). */
export const CUSTOMERS = 'CUSTOMERS';
/** Name search key: lower case with spaces removed, so "Zhang Wei" matches "zhangw". */
export const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, '');
export const byName = (name: string, id: string) => `${nameKey(name)}#${id}`;
/** Every user, sort key the user id. */
export const USERS = 'USERS';
/** Every blacklisted number, sort key the number. */
export const BLACKLIST = 'BLACKLIST';
/** Every whitelisted number, sort key the number. */
export const WHITELIST = 'WHITELIST';
/** Open tasks only (sparse), sort key `byTime(dueAt, id)`: what the scheduler finds due. */
export const OPEN_TASKS = 'TASKS_OPEN';
export const ticketsByStatus = (status: TicketStatus) => `TICKETSTATUS#${status}`;
export const voicemailsByStatus = (status: VoicemailStatus) => `VOICEMAILS#${status}`;
/** Pending requests oldest first by `requestedAt`; decided ones by `decidedAt`. */
export const blacklistRequests = (state: 'pending' | 'decided') => `BLREQS#${state}`;
export const callDay = (day: string) => `CALLDAY#${day}`;

// Marker sets: small items of their own under one partition, written and removed beside an entity.

/**
 * The calls that started and have not ended, sort key `byTime(startedAt, callSid)`: what reconciliation
 * reads instead of scanning calls. A base-table partition, not an index: every index slot of a call item
 * is taken, and the set is as small as the number of live calls.
 */
export const OPEN_CALLS = 'CALLS_OPEN';
export const recordingDay = (day: string) => `RECDAY#${day}`;
export const smsThread = (phone: string) => `SMSTHREAD#${phone}`;

// The knowledge base (kb-repo.ts).

/** An article (sort key ITEM_SK), with its saved versions beside it (sort key `kbVersion`). */
export const kbArticle = (id: string) => `KB#${id}`;
/** Zero-padded so the versions sort in order as strings. */
export const kbVersion = (version: number) => `V#${String(version).padStart(6, '0')}`;
export const KB_VERSION_PREFIX = 'V#';
/** gsi2: the articles of one status, sort key the id. */
export const kbByStatus = (status: 'published' | 'draft') => `KBSTATUS#${status}`;
/** gsi3: the articles of one category, sort key the id. */
export const kbByCategory = (category: string) => `KBCAT#${category}`;
/** The counter every write bumps: a container whose index was built at another value rebuilds it. */
export const KB_META = 'KBMETA';
/** Agents' proposed changes, sort key `byTime(at, id)`. */
export const KB_SUGGESTIONS = 'KBSUGGESTIONS';

// Quality scoring (quality-repo.ts).
/** A scoring form (sort key ITEM_SK: the latest), with every version beside it (sort key `qaFormVersion`). */
export const qaForm = (id: string) => `QAFORM#${id}`;
/** Zero-padded so the versions sort in order as strings. */
export const qaFormVersion = (version: number) => `V#${String(version).padStart(6, '0')}`;
/** gsi2: every form's latest version, sort key the id. */
export const QA_FORMS = 'QAFORMS';
/** A score given to a recorded call. */
export const qaScore = (id: string) => `QASCORE#${id}`;
/** gsi1: the scores of calls started in one UTC month (`YYYY-MM`), sort key `byTime(callStartedAt, id)`. */
export const qaScoreMonth = (month: string) => `QAMONTH#${month}`;
/** gsi2: the scores of one recording, sort key `byTime(scoredAt, id)` (calibration reads them all). */
export const qaRecording = (recordingSid: string) => `QAREC#${recordingSid}`;
/** Scores disputed and not yet resolved: small marker items, sort key `byTime(disputedAt, scoreId)`. */
export const QA_DISPUTES = 'QADISPUTES';
/** A recording's transcript with its phrase-check flags. */
export const qaTranscript = (recordingSid: string) => `QATRANSCRIPT#${recordingSid}`;
/** gsi1: flagged transcripts of calls started in one UTC month, sort key `byTime(callStartedAt, sid)`. */
export const qaFlagMonth = (month: string) => `QAFLAGS#${month}`;

// Outbound campaigns (campaign-repo.ts).

/** A campaign is the item ITEM_SK of its partition; its contacts sit beside it, sort key `contactSk(id)`. */
export const campaign = (id: string) => `CAMPAIGN#${id}`;
export const contactSk = (contactId: string) => `CONTACT#${contactId}`;
export const CONTACT_PREFIX = 'CONTACT#';
/** gsi2: every campaign, sort key `byTime(createdAt, id)`. */
export const CAMPAIGNS = 'CAMPAIGNS';
/** gsi3: the campaigns in one status, sort key the id: what the dialler reads every round. */
export const campaignsByStatus = (status: string) => `CAMPAIGNSTATUS#${status}`;
/** gsi2 (sparse): a campaign's pending contacts, sort key `byTime(nextAt, contactId)`. */
export const campaignDue = (id: string) => `CAMPAIGNDUE#${id}`;
/** The center's do-not-call list, one item per number. */
export const doNotCall = (phone: string) => `DNC#${phone}`;
/**
 * A campaign's claim on a number, beside its contacts (sort key `contactPhoneSk(phone)`): written before the
 * contact it names, so one number is in a campaign once however many leads for it arrive together.
 */
export const contactPhoneSk = (phone: string) => `PHONE#${phone}`;

// Outside systems' API keys (api-key-repo.ts).

/** A key is the item ITEM_SK of its partition; the requests made with it sit beside it. */
export const apiKey = (keyId: string) => `APIKEY#${keyId}`;
/** A request an outside system named (its externalId), with the first result. */
export const apiKeyRequestSk = (requestKey: string) => `REQUEST#${requestKey}`;
/** gsi2: every key, sort key `byTime(createdAt, keyId)`. */
export const API_KEYS = 'APIKEYS';

// Bulk SMS sends (bulk-sms-repo.ts).

/** A send is the item ITEM_SK of its partition; its recipients sit beside it, sort key `recipientSk(id)`. */
export const bulkSms = (id: string) => `BULKSMS#${id}`;
export const recipientSk = (recipientId: string) => `RECIPIENT#${recipientId}`;
export const RECIPIENT_PREFIX = 'RECIPIENT#';
/** gsi2: every send, sort key `byTime(createdAt, id)`. */
export const BULK_SMS_SENDS = 'BULKSMSSENDS';
/** gsi3: the sends in one status, sort key the id: what the round reads. */
export const bulkSmsByStatus = (status: string) => `BULKSMSSTATUS#${status}`;
/** gsi2 (sparse): a send's recipients still to be sent, sort key `byTime(dueAt, recipientId)`. */
export const bulkSmsDue = (id: string) => `BULKSMSDUE#${id}`;
