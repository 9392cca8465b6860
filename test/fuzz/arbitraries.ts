// The random requests the route fuzz sends: which route, its path parameters, query, body and caller. The
// values mix plausible ones (real SID shapes, seeded user ids, IVR sessions, cursor-like JSON) that get past
// validation with hostile ones (long, unicode, injection-looking), so both the checks and what lies behind
// them are exercised.
import fc from 'fast-check';
import { encodeSession } from '../../functions/http/twilio/ivr/session-url.js';

export interface RouteSpec {
  readonly method: string;
  /** Hono's path, `:name` for parameters. */
  readonly path: string;
}

export type Caller =
  | 'agent'
  | 'admin'
  | 'anonymous'
  | 'forged-token'
  | 'signed'
  | 'unsigned'
  | 'forged-signature';

export interface FuzzInput {
  readonly route: RouteSpec;
  readonly params: readonly string[];
  readonly query: readonly (readonly [string, string])[];
  readonly body:
    | { readonly kind: 'json'; readonly value: unknown }
    | { readonly kind: 'raw'; readonly text: string; readonly type: string }
    | { readonly kind: 'form'; readonly fields: readonly (readonly [string, string])[] }
    | { readonly kind: 'none' };
  readonly caller: Caller;
}

const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
const sid = fc
  .tuple(fc.constantFrom('CA', 'WT', 'WR', 'WK', 'RE', 'CF', 'SM', 'MM', 'QU', 'ca', 'XX'), hex32)
  .map(([p, h]) => p + h);

/** Plausible values (so requests get past validation) mixed with hostile ones. */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: sid },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1001',
      'sup1',
      'admin',
      'nobody',
      'CLM-2026-000123',
      '+8613800138000',
      '13800138000',
      '+18005550100',
      'client:1001',
      'anonymous',
      '2026-03-01',
      '2026-03-01T12:00:00Z',
      'new',
      'claims',
      'general',
      'zh',
      'en',
      '1',
      '0',
      '-1',
      'true',
      'null',
      '{}',
      '[]',
      '',
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 9_000 }).map((n) => 'a'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%00',
      '../..',
      '<Response/>',
      "' OR 1=1 --",
      'pk#sk',
      '\u0000',
      'NaN',
      '1e309',
    ),
  },
);

const QUERY_KEYS = [
  'limit',
  'cursor',
  'q',
  'status',
  'assignee',
  'customerId',
  'before',
  'day',
  'from',
  'to',
  'agentId',
  'caller',
  'ticket',
  'queue',
  'mailbox',
  's',
  'd',
  'call',
  'voicemail',
];
const BODY_KEYS = [
  'id',
  'name',
  'password',
  'kind',
  'dueAt',
  'phone',
  'phones',
  'subject',
  'type',
  'status',
  'priority',
  'version',
  'state',
  'reason',
  'skills',
  'roles',
  'to',
  'callerId',
  'target',
  'mode',
  'hold',
  'muted',
  'disposition',
  'notes',
  'body',
  'decision',
  'customerId',
  'ticketNumber',
  'assigneeId',
  'text',
  'ttlSeconds',
];
const TWILIO_KEYS = [
  'CallSid',
  'From',
  'To',
  'CallStatus',
  'Digits',
  'SpeechResult',
  'Direction',
  'Timestamp',
  'RecordingSid',
  'RecordingUrl',
  'RecordingDuration',
  'RecordingStatus',
  'RecordingSource',
  'TaskSid',
  'WorkerSid',
  'ReservationSid',
  'TaskAttributes',
  'WorkerAttributes',
  'ConferenceSid',
  'FriendlyName',
  'StatusCallbackEvent',
  'ParticipantLabel',
  'ParticipantCallStatus',
  'MessageSid',
  'SmsSid',
  'MessageStatus',
  'Body',
  'NumMedia',
  'DialCallStatus',
  'QueueResult',
  'AccountSid',
];

const session = fc
  .record({
    flow: fc.constantFrom('warranty', 'general', 'nope'),
    state: fc.constantFrom('menu', 'goodbye', 'start', 'x'),
    lang: fc.constantFrom('zh' as const, 'en' as const),
    attempt: fc.integer({ min: -1, max: 5 }),
    vars: fc.dictionary(fc.constantFrom('reason', 'policy', 'queue', 'phone'), value, { maxKeys: 2 }),
  })
  .map(encodeSession);

/** Paging cursors: base64url JSON of plausible and implausible keys, or not JSON at all. */
const cursor = fc.oneof(
  value,
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(
        fc.constantFrom(
          'pk',
          'sk',
          'gsi1pk',
          'gsi1sk',
          'gsi2pk',
          'gsi2sk',
          'gsi3pk',
          'gsi3sk',
          'day',
          'inner',
        ),
        value,
        { maxKeys: 4 },
      ),
    )
    .map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
);

const queryPair = fc.oneof(
  fc.tuple(fc.constantFrom(...QUERY_KEYS), value),
  fc.tuple(fc.constant('cursor'), cursor),
  fc.tuple(fc.constant('s'), session),
  fc.tuple(fc.string({ maxLength: 10 }), value),
);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom(...BODY_KEYS),
      fc.oneof(
        value,
        fc.integer(),
        fc.boolean(),
        fc.array(value, { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('type', 'queue', 'agentId', 'number'), value, { maxKeys: 3 }),
      ),
      { maxKeys: 6 },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const body = fc.oneof(
  { weight: 4, arbitrary: jsonValue.map((v) => ({ kind: 'json' as const, value: v })) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...TWILIO_KEYS), fc.oneof(value, session)), { maxLength: 8 })
      .map((fields) => ({ kind: 'form' as const, fields })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        text: fc.string({ maxLength: 60 }),
        type: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
        ),
      })
      .map((r) => ({ kind: 'raw' as const, ...r })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
);

export function fuzzInput(routes: readonly RouteSpec[]): fc.Arbitrary<FuzzInput> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = route.path.match(/:[^/]+/g) ?? [];
    const webhook = route.path.startsWith('/twilio/');
    return fc.record({
      route: fc.constant(route),
      params: fc.tuple(...names.map(() => value)),
      query: fc.array(queryPair, { maxLength: 3 }),
      body,
      caller: webhook
        ? fc.constantFrom<Caller>('signed', 'signed', 'signed', 'unsigned', 'forged-signature')
        : fc.constantFrom<Caller>('agent', 'admin', 'admin', 'anonymous', 'forged-token'),
    });
  });
}
