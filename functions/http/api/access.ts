// Who may call which /api operation: the one place role rules are written down. Every secured route
// takes its roles from here by operation id, and a test walks this table with every role.
//
// | Operation                | agent | supervisor | admin | Notes                                        |
// |--------------------------|-------|------------|-------|----------------------------------------------|
// | auth.login               |  any  |    any     |  any  | public; throttled per id and per address     |
// | auth.me / logout / pwd   |  yes  |    yes     |  yes  | own session and password only                |
// | customers.*              |  yes  |    yes     |  yes  | search, create, view (screen pop), timeline, |
// |                          |       |            |       | update, add asset, add policy                |
// | tickets.*                |  yes  |    yes     |  yes  | create, list, get, update, add note, the     |
// |                          |       |            |       | people a ticket can be assigned to, hand to  |
// |                          |       |            |       | a department, the customer's confirmation    |
// | departments.list         |  yes  |    yes     |  yes  | where a ticket can be handed                 |
// | providers.list / nearest |  yes  |    yes     |  yes  | tow, repair and IT partners; nearest open    |
// | providers.replace        |  no   |    no      |  yes  | the whole directory, audited                 |
// | tickets.attach /         |  yes  |    yes     |  yes  | add a file (type from its bytes, 4 MB), get  |
// |   attachment             |       |            |       | a download URL                               |
// | tickets.dispatch /       |  yes  |    yes     |  yes  | send a provider (texts provider and member), |
// |   arrival / repair       |       |            |       | its arrival, the repair's follow-up          |
// | scripts.list / get       |  yes  |    yes     |  yes  | list: my hotlines' guided scripts (leads:    |
// |                          |       |            |       | all); get: any script by name                |
// | tasks.create/get/update  |  own  |    yes     |  yes  | agents: tasks assigned to them or unassigned |
// | tasks.mine               |  yes  |    yes     |  yes  |                                              |
// | tasks.due                |  no   |    yes     |  yes  | everyone's due tasks (callback planning)     |
// | audit.list               |  no   |    yes     |  yes  |                                              |
// | users.*                  |  no   |    no      |  yes  | list, get, create, update, reset password    |
// | recordings.search/get/   |  own  |    yes     |  yes  | agents: recordings of calls they took;       |
// |   playback               |       |            |       | every playback audited                       |
// | calls.recordingControl   |  own  |    yes     |  yes  | pause/resume the live recording of a call    |
// | sms.thread/reply/close   |  yes  |    yes     |  yes  | SMS conversations routed to agents           |
// | voicemails.list/get/     |  own  |    yes     |  yes  | agents: their own mailbox and their skills'  |
// |   playback/markHandled/  |       |            |       | queues' mailboxes; every playback audited;   |
// |   callback               |       |            |       | callback creates (or takes) the task         |
// | jobs.deadLetters/replay  |  no   |    no      |  yes  | failed background jobs                       |
// | mail.outbox              |  no   |    no      |  yes  | local mode only (SES stand-in)               |
// | agent.*                  |  self |    self    |  self | token, state, skills, heartbeat, own         |
// |                          |       |            |       | reservations and own current call only       |
// | queue.list / queue.pick  |  yes  |    yes     |  yes  | pick: the waiting or ringing call rings me   |
// | calls.wrapUp             |  own  |    yes     |  yes  | disposition/notes; agents: calls they took   |
// | calls.dispositions       |  yes  |    yes     |  yes  | the wrap-up codes of the call's hotline      |
// | calls.campaign(Answers)  |  yes  |    yes     |  yes  | a campaign call's questionnaire (own calls)  |
// | drafts.get/save/discard  |  self |    self    |  self | my unsaved typing about a call I took        |
// | blacklist.request        |  yes  |    yes     |  yes  | a supervisor decides                         |
// | supervisor.*             |  no   |    yes     |  yes  | wallboard, monitor/whisper/barge, take over, |
// |                          |       |            |       | hang up, force state, blacklist decisions;   |
// |                          |       |            |       | every action audited                         |
// | whitelist.list/add/remove|  no   |    yes     |  yes  | numbers never blocked nor turned away by a   |
// |                          |       |            |       | full queue; changes audited                  |
// | dialRefusals.list        |  no   |    yes     |  yes  | refused outbound calls and texts, bursts     |
// | dialPolicy.get/replace   |  no   |    no      |  yes  | where the center may call; changes audited   |
// | forwarding.get/replace   |  no   |    no      |  yes  | duty phones per hotline; changes audited     |
// | queues.get               |  no   |    yes     |  yes  | per queue: service-level threshold, waiting  |
// |                          |       |            |       | limit                                        |
// | queues.replace           |  no   |    no      |  yes  | audited and versioned (settings name queues) |
// | wrapUpSettings.get/      |  no   |    no      |  yes  | per hotline: wrap-up time, wrap-up codes;    |
// |   replace                |       |            |       | audited and versioned (settings wrap-up)     |
// | apiKeys.list/create/    |  no   |    no      |  yes  | outside systems' keys: a new key's token is  |
// |   revoke                 |       |            |       | shown once; create and revoke audited        |
// | settings.history/restore |  no   |    no      |  yes  | a console setting's versions; restore one    |
// | smsTemplates.get         |  yes  |    yes     |  yes  | the desk's SMS templates                     |
// | smsTemplates.replace     |  no   |    no      |  yes  | change them; audited and versioned           |
// | bulkSms.list/get/create/ |  no   |    yes     |  yes  | bulk SMS sends: a draft with its counts and  |
// |   recipients/campaigns   |       |            |       | first texts, the report, the recipients, the |
// |                          |       |            |       | campaigns an audience can come from          |
// | bulkSms.start/pause/     |  no   |    yes     |  yes  | send, hold, end a bulk send; audited         |
// |   cancel                 |       |            |       |                                              |
// | surveys.get/replace      |  no   |    no      |  yes  | questionnaires, keypad or SMS per hotline    |
// | surveys.results          |  no   |    yes     |  yes  | answers per question, hotline, agent, period |
// | calendar.get/replace/    |  no   |    no      |  yes  | holidays and make-up days; import previews a |
// |   import                 |       |            |       | CSV/ICS, only a replace writes (audited)     |
// | prompts.list/upload/     |  no   |    no      |  yes  | recorded prompts and hold music: the library |
// |   audio/delete/slots     |       |            |       | (uploads judged from the bytes), audited     |
// | promptAssignments.get/   |  no   |    no      |  yes  | which recording plays where; audited and     |
// |   replace                |       |            |       | versioned (settings name prompt-assignments) |
// | reports.*                |  no   |    yes     |  yes  | KPIs, call log, agent state log, CSV         |
// | wfm.*                    |  no   |    yes     |  yes  | Erlang C/B, forecast, staffing plan          |
// | kb.search/suggest/get/   |  yes  |    yes     |  yes  | knowledge base: read, screen-pop suggestions,|
// |   list/versions/         |       |            |       | a category's articles, propose a change      |
// |   proposeChange          |       |            |       | (audited)                                    |
// | kb.create/update/        |  no   |    yes     |  yes  | write articles (audited), read agents'       |
// |   suggestions            |       |            |       | proposed changes                             |
// | quality.forms/form       |  yes  |    yes     |  yes  | scoring forms, any version                   |
// | quality.createForm/      |  no   |    yes     |  yes  | write forms (each save a version; audited)   |
// |   updateForm             |       |            |       |                                              |
// | quality.queue/score/     |  no   |    yes     |  yes  | review queue, score a recorded call, open    |
// |   disputes/resolve       |       |            |       | disputes and their resolution (audited)      |
// | quality.get/ofRecording/ |  own  |    yes     |  yes  | agents: scores of their own calls            |
// |   mine                   |       |            |       |                                              |
// | quality.dispute          |  own  |    no      |  no   | the scored agent disputes once, with reason  |
// | quality.transcript       |  own  |    yes     |  yes  | a recording's transcript and its flags       |
// | quality.phrases          |  yes  |    yes     |  yes  | the phrase checks                            |
// | quality.replacePhrases   |  no   |    yes     |  yes  | change them (audited)                        |
// | reports.quality          |  no   |    yes     |  yes  | QA per agent for the agent reports           |
// | campaigns.*              |  no   |    yes     |  yes  | outbound campaigns: set up, start, pause,    |
// |                          |       |            |       | resume, stop, preview and import contact     |
// |                          |       |            |       | lists, contacts and their export (audited)   |
//
// Roles are not a hierarchy in storage (a user holds a list), so each row names every role it admits.
import { isLead, type Role } from '../../domain/model.js';

const EVERYONE = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
const LEADS = ['supervisor', 'admin'] as const satisfies readonly Role[];
const ADMINS = ['admin'] as const satisfies readonly Role[];
const AGENTS = ['agent'] as const satisfies readonly Role[];

export const ACCESS = {
  'auth.me': EVERYONE,
  'auth.logout': EVERYONE,
  'auth.changePassword': EVERYONE,
  'customers.search': EVERYONE,
  'customers.create': EVERYONE,
  'customers.get': EVERYONE,
  'customers.timeline': EVERYONE,
  'customers.update': EVERYONE,
  'customers.addAsset': EVERYONE,
  'customers.addPolicy': EVERYONE,
  'tickets.create': EVERYONE,
  'tickets.list': EVERYONE,
  'tickets.get': EVERYONE,
  'tickets.update': EVERYONE,
  'tickets.addNote': EVERYONE,
  'tickets.handOver': EVERYONE,
  'tickets.confirm': EVERYONE,
  'departments.list': EVERYONE,
  'providers.list': EVERYONE,
  'providers.nearest': EVERYONE,
  'providers.replace': ADMINS,
  'tickets.dispatch': EVERYONE,
  'tickets.arrival': EVERYONE,
  'tickets.repair': EVERYONE,
  'tickets.attach': EVERYONE,
  'tickets.attachment': EVERYONE,
  'tickets.assignees': EVERYONE,
  'scripts.list': EVERYONE,
  'scripts.get': EVERYONE,
  'tasks.create': EVERYONE,
  'tasks.mine': EVERYONE,
  'tasks.due': LEADS,
  'tasks.get': EVERYONE,
  'tasks.update': EVERYONE,
  'audit.list': LEADS,
  'users.list': ADMINS,
  'users.get': ADMINS,
  'users.create': ADMINS,
  'users.update': ADMINS,
  'users.resetPassword': ADMINS,
  'recordings.search': EVERYONE,
  'recordings.get': EVERYONE,
  'recordings.playback': EVERYONE,
  'calls.recordingControl': EVERYONE,
  'sms.thread': EVERYONE,
  'sms.reply': EVERYONE,
  'sms.close': EVERYONE,
  'voicemails.list': EVERYONE,
  'voicemails.get': EVERYONE,
  'voicemails.playback': EVERYONE,
  'voicemails.markHandled': EVERYONE,
  'voicemails.callback': EVERYONE,
  'voicemails.assign': EVERYONE,
  'jobs.deadLetters': ADMINS,
  'jobs.replay': ADMINS,
  'mail.outbox': ADMINS,
  'agent.token': EVERYONE,
  'push.open': EVERYONE,
  'agent.status': EVERYONE,
  'agent.setState': EVERYONE,
  'agent.endWrapUp': EVERYONE,
  'agent.setSkills': EVERYONE,
  'agent.heartbeat': EVERYONE,
  'agent.accept': EVERYONE,
  'agent.reject': EVERYONE,
  'agent.hold': EVERYONE,
  'agent.mute': EVERYONE,
  'agent.transfer': EVERYONE,
  'agent.completeTransfer': EVERYONE,
  'agent.cancelTransfer': EVERYONE,
  'agent.conference': EVERYONE,
  'agent.leave': EVERYONE,
  'agent.hangup': EVERYONE,
  'agent.rejoin': EVERYONE,
  'agent.dial': EVERYONE,
  'agent.internalCall': EVERYONE,
  'agent.missedCalls': EVERYONE,
  'agent.texts': EVERYONE,
  'agent.faxes': EVERYONE,
  'agent.finishFax': EVERYONE,
  'faxes.document': EVERYONE,
  'queue.list': EVERYONE,
  'queue.pick': EVERYONE,
  'calls.wrapUp': EVERYONE,
  'calls.dispositions': EVERYONE,
  'calls.campaign': EVERYONE,
  'calls.campaignAnswers': EVERYONE,
  'drafts.get': EVERYONE,
  'drafts.save': EVERYONE,
  'drafts.discard': EVERYONE,
  'blacklist.request': EVERYONE,
  'supervisor.wallboard': LEADS,
  'supervisor.monitor': LEADS,
  'supervisor.takeOver': LEADS,
  'supervisor.hangup': LEADS,
  'supervisor.forceState': LEADS,
  'supervisor.blacklistRequests': LEADS,
  'supervisor.decideBlacklist': LEADS,
  'whitelist.list': LEADS,
  'whitelist.add': LEADS,
  'whitelist.remove': LEADS,
  'dialRefusals.list': LEADS,
  'dialPolicy.get': ADMINS,
  'dialPolicy.replace': ADMINS,
  'forwarding.get': ADMINS,
  'forwarding.replace': ADMINS,
  'queues.get': LEADS,
  'queues.replace': ADMINS,
  'wrapUpSettings.get': ADMINS,
  'wrapUpSettings.replace': ADMINS,
  'apiKeys.list': ADMINS,
  'apiKeys.create': ADMINS,
  'apiKeys.revoke': ADMINS,
  'settings.history': ADMINS,
  'settings.restore': ADMINS,
  'smsTemplates.get': EVERYONE,
  'smsTemplates.replace': ADMINS,
  'bulkSms.list': LEADS,
  'bulkSms.create': LEADS,
  'bulkSms.get': LEADS,
  'bulkSms.recipients': LEADS,
  'bulkSms.campaigns': LEADS,
  'bulkSms.start': LEADS,
  'bulkSms.pause': LEADS,
  'bulkSms.cancel': LEADS,
  'surveys.get': ADMINS,
  'surveys.replace': ADMINS,
  'surveys.results': LEADS,
  'calendar.get': ADMINS,
  'calendar.replace': ADMINS,
  'calendar.import': ADMINS,
  'prompts.list': ADMINS,
  'prompts.upload': ADMINS,
  'prompts.audio': ADMINS,
  'prompts.delete': ADMINS,
  'prompts.slots': ADMINS,
  'promptAssignments.get': ADMINS,
  'promptAssignments.replace': ADMINS,
  'reports.kpis': LEADS,
  'reports.calls': LEADS,
  'reports.agentStates': LEADS,
  'wfm.erlangC': LEADS,
  'wfm.erlangB': LEADS,
  'wfm.forecast': LEADS,
  'wfm.plan': LEADS,
  'kb.search': EVERYONE,
  'kb.suggest': EVERYONE,
  'kb.get': EVERYONE,
  'kb.list': EVERYONE,
  'kb.versions': EVERYONE,
  'kb.proposeChange': EVERYONE,
  'kb.create': LEADS,
  'kb.update': LEADS,
  'kb.suggestions': LEADS,
  'quality.forms': EVERYONE,
  'quality.form': EVERYONE,
  'quality.createForm': LEADS,
  'quality.updateForm': LEADS,
  'quality.queue': LEADS,
  'quality.score': LEADS,
  'quality.get': EVERYONE,
  'quality.ofRecording': EVERYONE,
  'quality.mine': EVERYONE,
  'quality.dispute': AGENTS,
  'quality.disputes': LEADS,
  'quality.resolve': LEADS,
  'quality.transcript': EVERYONE,
  'quality.phrases': EVERYONE,
  'quality.replacePhrases': LEADS,
  'reports.quality': LEADS,
  'campaigns.list': LEADS,
  'campaigns.create': LEADS,
  'campaigns.get': LEADS,
  'campaigns.update': LEADS,
  'campaigns.start': LEADS,
  'campaigns.pause': LEADS,
  'campaigns.resume': LEADS,
  'campaigns.stop': LEADS,
  'campaigns.previewContacts': LEADS,
  'campaigns.importContacts': LEADS,
  'campaigns.contacts': LEADS,
  'campaigns.exportContacts': LEADS,
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof ACCESS;

/** Operations open without a session. */
export const PUBLIC_OPERATIONS = ['auth.login', 'openapi'] as const;

/** Row-level rule for tasks: agents see and change only their own or unassigned tasks. */
export const seesAllTasks: (roles: readonly Role[]) => boolean = isLead;
