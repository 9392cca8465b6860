// Pins every key builder to the exact string it stores: deployed tables hold these, so a change of
// layout must fail here first. Also checks that the rest of the adapter spells no key by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as keys from '../../../functions/adapters/dynamo/keys.js';

const AT = '2026-03-01T09:00:00.000Z';

/** Builder name -> [what it returned, the literal it must return]. Typed so no export goes unpinned. */
const pins = {
  ITEM_SK: [[keys.ITEM_SK, '#']],
  byTime: [[keys.byTime(AT, 'CA1'), '2026-03-01T09:00:00.000Z#CA1']],
  dayOf: [[keys.dayOf(AT), '2026-03-01']],
  atOrBefore: [[keys.atOrBefore(AT), ['0', '2026-03-01T09:00:00.000Z#~']]],

  customer: [[keys.customer('01kmx3y8q2a7f9c0v1bz'), 'CUSTOMER#01kmx3y8q2a7f9c0v1bz']],
  asset: [[keys.asset('A1'), 'ASSET#A1']],
  policy: [[keys.policy('PW-2026-0001'), 'POLICY#PW-2026-0001']],
  ticket: [[keys.ticket('CLM-2026-000123'), 'TICKET#CLM-2026-000123']],
  task: [[keys.task('T1'), 'TASK#T1']],
  call: [[keys.call('CA1'), 'CALL#CA1']],
  user: [[keys.user('1001'), 'USER#1001']],
  recording: [[keys.recording('RE1'), 'RECORDING#RE1']],
  voicemail: [[keys.voicemail('RE1'), 'VOICEMAIL#RE1']],
  fax: [[keys.fax('FX1'), 'FAX#FX1']],
  smsMessage: [[keys.smsMessage('SM1'), 'SMS#SM1']],
  survey: [[keys.survey('CA1'), 'SURVEY#CA1']],
  blacklistRequest: [[keys.blacklistRequest('B1'), 'BLREQ#B1']],

  blacklisted: [[keys.blacklisted('+8613800138000'), 'BLACKLIST#+8613800138000']],
  smsOptOut: [[keys.smsOptOut('+8613800138000'), 'SMSOPTOUT#+8613800138000']],
  smsSession: [[keys.smsSession('+8613800138000'), 'SMSSESSION#+8613800138000']],
  setting: [
    [keys.setting('taskrouter'), 'SETTING#taskrouter'],
    [keys.setting('blacklist-requests'), 'SETTING#blacklist-requests'],
  ],
  counter: [[keys.counter('CLM-2026'), 'COUNTER#CLM-2026']],
  once: [[keys.once('voicemail:RE1'), 'ONCE#voicemail:RE1']],

  lookup: [
    [keys.lookup('phone', '+8613800138000'), 'LOOKUP#phone#+8613800138000'],
    [keys.lookup('vin', 'LSVAU2180N2183294'), 'LOOKUP#vin#LSVAU2180N2183294'],
    [keys.lookup('plate', '沪A12345'), 'LOOKUP#plate#沪A12345'],
    [keys.lookup('idCode', '11010519491231002X'), 'LOOKUP#idCode#11010519491231002X'],
  ],
  nameIndex: [
    [keys.nameIndex('smith'), 'NAMEKEY#s'],
    [keys.nameIndex('建国'), 'NAMEKEY#建'],
  ],
  nameIndexEntry: [[keys.nameIndexEntry('smith', 'cus-0004'), 'smith#cus-0004']],
  incident: [[keys.incident('call:claim:CA123'), 'INCIDENT#call:claim:CA123']],
  recordingIndex: [
    [keys.recordingIndex('caller', '+8613800138000'), 'RECIDX#caller#+8613800138000'],
    [keys.recordingIndex('queue', 'claims'), 'RECIDX#queue#claims'],
    [keys.recordingIndex('ticket', 'CLM-2026-000123'), 'RECIDX#ticket#CLM-2026-000123'],
  ],
  auditDay: [[keys.auditDay('2026-03-01'), 'AUDIT#2026-03-01']],
  surveyDay: [[keys.surveyDay('2026-03-01'), 'SURVEYDAY#2026-03-01']],

  customerItems: [[keys.customerItems('C1'), 'CUSTOMER#C1']],
  assignee: [[keys.assignee('1001'), 'ASSIGNEE#1001']],
  agent: [[keys.agent('1001'), 'AGENT#1001']],
  actor: [[keys.actor('sup1'), 'ACTOR#sup1']],
  mailbox: [
    [keys.mailbox('agent:1001'), 'MAILBOX#agent:1001'],
    [keys.mailbox('queue:claims'), 'MAILBOX#queue:claims'],
  ],
  listed: [
    [keys.listed('asset', 'A1'), 'ASSET#A1'],
    [keys.listed('policy', 'PW-2026-0001'), 'POLICY#PW-2026-0001'],
    [keys.listed('ticket', `${AT}#CLM-2026-000123`), 'TICKET#2026-03-01T09:00:00.000Z#CLM-2026-000123'],
    [keys.listed('task', `${AT}#T1`), 'TASK#2026-03-01T09:00:00.000Z#T1'],
    [keys.listed('call', `${AT}#CA1`), 'CALL#2026-03-01T09:00:00.000Z#CA1'],
    [keys.listed('recording', `${AT}#RE1`), 'REC#2026-03-01T09:00:00.000Z#RE1'],
    [keys.listed('voicemail', `${AT}#RE1`), 'VOICEMAIL#2026-03-01T09:00:00.000Z#RE1'],
    [keys.listed('sms', `${AT}#SM1`), 'SMS#2026-03-01T09:00:00.000Z#SM1'],
    [keys.listed('fax', `${AT}#FX1`), 'FAX#2026-03-01T09:00:00.000Z#FX1'],
    [keys.listed('survey', `${AT}#CA1`), 'SURVEY#2026-03-01T09:00:00.000Z#CA1'],
    [keys.listed('qaScore', `${AT}#Q1`), 'QASCORE#2026-03-01T09:00:00.000Z#Q1'],
  ],
  listedPrefix: [
    [keys.listedPrefix('asset'), 'ASSET#'],
    [keys.listedPrefix('policy'), 'POLICY#'],
    [keys.listedPrefix('ticket'), 'TICKET#'],
    [keys.listedPrefix('task'), 'TASK#'],
    [keys.listedPrefix('call'), 'CALL#'],
    [keys.listedPrefix('recording'), 'REC#'],
    [keys.listedPrefix('voicemail'), 'VOICEMAIL#'],
    [keys.listedPrefix('sms'), 'SMS#'],
    [keys.listedPrefix('fax'), 'FAX#'],
    [keys.listedPrefix('survey'), 'SURVEY#'],
    [keys.listedPrefix('qaScore'), 'QASCORE#'],
  ],
  timeSpan: [
    [keys.timeSpan('2026-03-01', '2026-03-31'), ['2026-03-01', '2026-03-31~']],
    [keys.timeSpan('', '9999', 'recording'), ['REC#', 'REC#9999~']],
  ],

  CUSTOMERS: [[keys.CUSTOMERS, 'CUSTOMERS']],
  nameKey: [[keys.nameKey('Li  Ming'), 'liming']],
  byName: [[keys.byName('张伟 Zhang Wei', 'C1'), '张伟zhangwei#C1']],
  USERS: [[keys.USERS, 'USERS']],
  BLACKLIST: [[keys.BLACKLIST, 'BLACKLIST']],
  WHITELIST: [[keys.WHITELIST, 'WHITELIST']],
  OPEN_TASKS: [[keys.OPEN_TASKS, 'TASKS_OPEN']],
  OPEN_CALLS: [[keys.OPEN_CALLS, 'CALLS_OPEN']],
  ticketsByStatus: [[keys.ticketsByStatus('escalated'), 'TICKETSTATUS#escalated']],
  voicemailsByStatus: [[keys.voicemailsByStatus('new'), 'VOICEMAILS#new']],
  blacklistRequests: [
    [keys.blacklistRequests('pending'), 'BLREQS#pending'],
    [keys.blacklistRequests('decided'), 'BLREQS#decided'],
  ],
  callDay: [[keys.callDay('2026-03-01'), 'CALLDAY#2026-03-01']],
  recordingDay: [[keys.recordingDay('2026-03-01'), 'RECDAY#2026-03-01']],
  smsThread: [[keys.smsThread('+8613800138000'), 'SMSTHREAD#+8613800138000']],
  kbArticle: [[keys.kbArticle('warranty-claim-procedure'), 'KB#warranty-claim-procedure']],
  kbVersion: [
    [keys.kbVersion(2), 'V#000002'],
    [keys.kbVersion(1_234_567), 'V#1234567'],
  ],
  KB_VERSION_PREFIX: [[keys.KB_VERSION_PREFIX, 'V#']],
  kbByStatus: [[keys.kbByStatus('published'), 'KBSTATUS#published']],
  kbByCategory: [[keys.kbByCategory('rescue'), 'KBCAT#rescue']],
  KB_META: [[keys.KB_META, 'KBMETA']],
  KB_SUGGESTIONS: [[keys.KB_SUGGESTIONS, 'KBSUGGESTIONS']],
  pushConnections: [[keys.pushConnections, 'PUSHCONN']],
  qaForm: [[keys.qaForm('telecom-service'), 'QAFORM#telecom-service']],
  qaFormVersion: [[keys.qaFormVersion(3), 'V#000003']],
  QA_FORMS: [[keys.QA_FORMS, 'QAFORMS']],
  qaScore: [[keys.qaScore('01kq'), 'QASCORE#01kq']],
  qaScoreMonth: [[keys.qaScoreMonth('2026-12'), 'QAMONTH#2026-12']],
  qaRecording: [[keys.qaRecording('RE1'), 'QAREC#RE1']],
  QA_DISPUTES: [[keys.QA_DISPUTES, 'QADISPUTES']],
  qaTranscript: [[keys.qaTranscript('RE1'), 'QATRANSCRIPT#RE1']],
  qaFlagMonth: [[keys.qaFlagMonth('2026-12'), 'QAFLAGS#2026-12']],
  historyEvent: [[keys.historyEvent('tr:task.created:WT1:0'), 'EVENT#tr:task.created:WT1:0']],
  historyInterval: [[keys.historyInterval('2026-12-07T02:15:00.000Z'), 'EVENTS#2026-12-07T02:15:00.000Z']],
  historyCall: [[keys.historyCall('CA1'), 'EVENTCALL#CA1']],
  historyEventSk: [[keys.historyEventSk('tr:WT1:queued'), 'EVENT#tr:WT1:queued']],
  historyDirty: [[keys.historyDirty, 'EVENTSDIRTY']],
  rollups: [[keys.rollups('agent', 'day'), 'ROLLUP#agent#day']],
  marker: [
    [keys.marker({ kind: 'heartbeat', agentId: '1001' }), 'KV#heartbeat#1001'],
    [keys.marker({ kind: 'last-call', phone: '+8613800138000' }), 'KV#last-call#+8613800138000'],
    [keys.marker({ kind: 'break', agentId: '1001' }), 'KV#break#1001'],
    [keys.marker({ kind: 'agent-call', agentId: '1001' }), 'KV#agent-call#1001'],
    [keys.marker({ kind: 'call-task', callSid: 'CA1' }), 'KV#call-task#CA1'],
    [keys.marker({ kind: 'queue-exit', callSid: 'CA1' }), 'KV#queue-exit#CA1'],
    [keys.marker({ kind: 'conference-offer', reservationSid: 'WR1' }), 'KV#conference-offer#WR1'],
    [keys.marker({ kind: 'session-revoked', sessionId: 'j1' }), 'KV#session-revoked#j1'],
    [
      keys.marker({ kind: 'login-fail', scope: 'id', subject: 'Admin', window: 7 }),
      'KV#login-fail#id#admin#7',
    ],
    [
      keys.marker({ kind: 'dial-rate', scope: 'agent', channel: 'call', subject: '1002', window: 3 }),
      'KV#dial-rate#agent#call#1002#3',
    ],
    [
      keys.marker({ kind: 'api-key-rate', keyId: '0123456789abcdef', window: 9 }),
      'KV#api-key-rate#0123456789abcdef#9',
    ],
    [keys.marker({ kind: 'sms-sent', dedupeKey: 'survey:CA1' }), 'KV#sms-sent#survey:CA1'],
    [keys.marker({ kind: 'mail-sent', dedupeKey: 'x' }), 'KV#mail-sent#x'],
    [
      keys.marker({ kind: 'bulk-sms-rate', sender: '+18005550100', window: 29_500_000 }),
      'KV#bulk-sms-rate#+18005550100#29500000',
    ],
  ],
  campaign: [[keys.campaign('c1'), 'CAMPAIGN#c1']],
  contactSk: [[keys.contactSk('000001'), 'CONTACT#000001']],
  CONTACT_PREFIX: [[keys.CONTACT_PREFIX, 'CONTACT#']],
  CAMPAIGNS: [[keys.CAMPAIGNS, 'CAMPAIGNS']],
  campaignsByStatus: [[keys.campaignsByStatus('running'), 'CAMPAIGNSTATUS#running']],
  campaignDue: [[keys.campaignDue('c1'), 'CAMPAIGNDUE#c1']],
  doNotCall: [[keys.doNotCall('+8613800138000'), 'DNC#+8613800138000']],
  contactPhoneSk: [[keys.contactPhoneSk('+8613800138000'), 'PHONE#+8613800138000']],
  apiKey: [[keys.apiKey('0123456789abcdef'), 'APIKEY#0123456789abcdef']],
  apiKeyRequestSk: [[keys.apiKeyRequestSk('order-42'), 'REQUEST#order-42']],
  API_KEYS: [[keys.API_KEYS, 'APIKEYS']],
  bulkSms: [[keys.bulkSms('b1'), 'BULKSMS#b1']],
  recipientSk: [[keys.recipientSk('000001'), 'RECIPIENT#000001']],
  RECIPIENT_PREFIX: [[keys.RECIPIENT_PREFIX, 'RECIPIENT#']],
  BULK_SMS_SENDS: [[keys.BULK_SMS_SENDS, 'BULKSMSSENDS']],
  bulkSmsByStatus: [[keys.bulkSmsByStatus('sending'), 'BULKSMSSTATUS#sending']],
  bulkSmsDue: [[keys.bulkSmsDue('b1'), 'BULKSMSDUE#b1']],
} satisfies Record<keyof typeof keys, ReadonlyArray<readonly [unknown, unknown]>>;

describe('table keys', () => {
  it.each(Object.entries(pins))('%s builds the stored layout', (_name, cases) => {
    for (const [actual, expected] of cases) expect(actual).toEqual(expected);
  });

  it('pins every export', () => {
    expect(Object.keys(pins).sort()).toEqual(Object.keys(keys).sort());
  });
});

describe('the rest of the DynamoDB adapter', () => {
  const dir = new URL('../../../functions/adapters/dynamo/', import.meta.url);
  const others = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'keys.ts');

  it.each(others)('%s spells no key by hand', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    expect(source).not.toMatch(/[`'"][A-Z][A-Z0-9_]*#/); // a prefix such as `CUSTOMER#${id}`
    expect(source).not.toMatch(/\}#\$\{/); // a compound key such as `${at}#${id}`
    expect(source).not.toMatch(/['"`]#['"`]/); // the single-item sort key
  });
});
