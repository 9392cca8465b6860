// SMS state: the opt-out suppression list by phone, messages by sid with the thread by phone (gsi2)
// and by customer (gsi1), bot sessions per phone, one-time claims for notifications, and post-call
// surveys stored beside the call (by CallSid) and listed by agent (gsi3).

import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MessagingRepo, SmsMessage, SmsSession, SurveyResponse } from '../../domain/channel-ports.js';
import type { Clock } from '../../domain/ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

const FINAL = new Set(['delivered', 'undelivered', 'failed', 'received', 'read', 'canceled']);
/** Twilio's callbacks can arrive out of order: a status only replaces an earlier one. */
const RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
};

function messageItem(m: SmsMessage): Item {
  const sortKey = keys.byTime(m.at, m.sid);
  return compact({
    ...m,
    pk: keys.smsMessage(m.sid),
    sk: keys.ITEM_SK,
    entity: 'sms',
    gsi1pk: m.customerId ? keys.customerItems(m.customerId) : undefined,
    gsi1sk: m.customerId ? keys.listed('sms', sortKey) : undefined,
    gsi2pk: keys.smsThread(m.phone),
    gsi2sk: sortKey,
  });
}

function surveyItem(s: SurveyResponse): Item {
  return compact({
    ...s,
    pk: keys.survey(s.callSid),
    sk: keys.ITEM_SK,
    entity: 'survey',
    gsi2pk: keys.surveyDay(keys.dayOf(s.askedAt)),
    gsi2sk: keys.byTime(s.askedAt, s.callSid),
    gsi3pk: s.agentId ? keys.agent(s.agentId) : undefined,
    gsi3sk: s.agentId ? keys.listed('survey', keys.byTime(s.askedAt, s.callSid)) : undefined,
  });
}

export function createMessagingRepo(t: TableAccess, clock: Clock): MessagingRepo {
  const nowIso = () => new Date(clock.now()).toISOString();
  // `rev` was the write guard of an earlier recordStatus, still on older messages: not part of one.
  const toMessage = (item: Item): SmsMessage => {
    const { rev: _rev, ...message } = fromItem<SmsMessage & { rev?: number }>(item);
    return message;
  };
  const getMessage = async (sid: string) => {
    const item = await getItem(t, keys.smsMessage(sid));
    return item ? toMessage(item) : undefined;
  };
  /** One conditional update of an existing conversation; what it was before, undefined when none. */
  const changeSession = async (
    phone: string,
    UpdateExpression: string,
    values: Record<string, string>,
  ): Promise<SmsSession | undefined> => {
    try {
      const out = await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: { pk: keys.smsSession(phone), sk: keys.ITEM_SK },
          UpdateExpression,
          ConditionExpression: 'attribute_exists(pk)',
          ...(UpdateExpression.includes('#state') ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        }),
      );
      return fromItem<SmsSession>(out.Attributes as Item);
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      return undefined;
    }
  };

  return {
    async isSuppressed(phone) {
      return (await getItem(t, keys.smsOptOut(phone))) !== undefined;
    },
    async suppress(phone, keyword) {
      await putIf(
        t,
        { pk: keys.smsOptOut(phone), sk: keys.ITEM_SK, entity: 'sms-optout', phone, keyword, at: nowIso() },
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
    },
    async unsuppress(phone) {
      await t.doc.send(
        new DeleteCommand({ TableName: t.tableName, Key: { pk: keys.smsOptOut(phone), sk: keys.ITEM_SK } }),
      );
    },

    async saveMessage(m) {
      return { created: await putIf(t, messageItem(m), 'attribute_not_exists(pk)') };
    },
    getMessage,
    async recordStatus(sid, status, at, errorCode) {
      // One write, no read: the history gains the report, and the status moves only where the report
      // advances it (a status that is not final yet, or a final one of a lower rank), by a condition. A
      // report that does not advance it is still added to the history, by a second write.
      const history: Record<string, unknown> = {
        ':entry': [{ status, at }],
        ':none': [],
        ...(errorCode ? { ':error': errorCode } : {}),
      };
      const appended = `statusHistory = list_append(if_not_exists(statusHistory, :none), :entry)${
        errorCode ? ', errorCode = :error' : ''
      }`;
      const finals = [...FINAL];
      const lower = finals.filter((f) => (RANK[f] ?? 0) < (RANK[status] ?? 0));
      const named = (prefix: string, list: readonly string[]) => list.map((_, i) => `:${prefix}${i}`);
      const advance = {
        ...history,
        ':status': status,
        ...Object.fromEntries(finals.map((f, i) => [`:f${i}`, f])),
        ...Object.fromEntries(lower.map((f, i) => [`:l${i}`, f])),
      };
      const advances = `NOT #status IN (${named('f', finals).join(', ')})${
        lower.length ? ` OR #status IN (${named('l', lower).join(', ')})` : ''
      }`;
      const update = async (set: string, condition: string, values: Record<string, unknown>) => {
        try {
          const out = await t.doc.send(
            new UpdateCommand({
              TableName: t.tableName,
              Key: { pk: keys.smsMessage(sid), sk: keys.ITEM_SK },
              UpdateExpression: `SET ${set}`,
              ConditionExpression: `attribute_exists(#status) AND (${condition})`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: values,
              ReturnValues: 'ALL_NEW',
            }),
          );
          return toMessage(out.Attributes as Item);
        } catch (err) {
          if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
          return undefined;
        }
      };
      return (
        (await update(`${appended}, #status = :status`, advances, advance)) ??
        // Not advanced, or no such message (then this one fails its condition too).
        (await update(appended, 'attribute_exists(pk)', history))
      );
    },
    thread: async (phone, page) =>
      mapPage<SmsMessage>(await queryPage(t, { index: 'gsi2', pk: keys.smsThread(phone) }, page)),
    byCustomer: async (customerId, page) =>
      mapPage<SmsMessage>(
        await queryPage(
          t,
          { index: 'gsi1', pk: keys.customerItems(customerId), skPrefix: keys.listedPrefix('sms') },
          page,
        ),
      ),

    async getSession(phone) {
      const item = await getItem(t, keys.smsSession(phone));
      return item ? fromItem<SmsSession>(item) : undefined;
    },
    async putSession(session) {
      await putIf(
        t,
        compact({ ...session, pk: keys.smsSession(session.phone), sk: keys.ITEM_SK, entity: 'sms-session' }),
        'attribute_not_exists(pk) OR attribute_exists(pk)',
      );
    },
    startWaiting: (session, stalledAt) =>
      putIf(
        t,
        compact({ ...session, pk: keys.smsSession(session.phone), sk: keys.ITEM_SK, entity: 'sms-session' }),
        `attribute_not_exists(pk) OR #state <> :agentState${
          stalledAt
            ? ' OR (attribute_not_exists(taskSid) AND attribute_not_exists(agentId) AND updatedAt = :stalled)'
            : ''
        }`,
        { ':agentState': 'agent', ...(stalledAt ? { ':stalled': stalledAt } : {}) },
        { '#state': 'state' },
      ),
    async routeSession(phone, route, at) {
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: keys.smsSession(phone), sk: keys.ITEM_SK },
            UpdateExpression: `SET taskSid = :task, updatedAt = :at${route.agentId ? ', agentId = :agent' : ''}`,
            // An agent who took the conversation over by replying keeps it from a later assignment.
            ConditionExpression: `#state = :agentState AND (attribute_not_exists(taskSid) OR taskSid = :task)${
              route.agentId ? ' AND (attribute_not_exists(agentId) OR agentId = :agent)' : ''
            }`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':task': route.taskSid,
              ':at': at,
              ':agentState': 'agent',
              ...(route.agentId ? { ':agent': route.agentId } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromItem<SmsSession>(out.Attributes as Item);
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        return undefined;
      }
    },
    takeSession: (phone, agentId, at) =>
      changeSession(phone, 'SET agentId = :agent, updatedAt = :at', { ':agent': agentId, ':at': at }),
    endSession: (phone, at) =>
      changeSession(phone, 'SET #state = :bot, updatedAt = :at REMOVE taskSid, agentId', {
        ':bot': 'bot',
        ':at': at,
      }),
    claimOnce: (key) =>
      putIf(
        t,
        { pk: keys.once(key), sk: keys.ITEM_SK, entity: 'once', at: nowIso() },
        'attribute_not_exists(pk)',
      ),

    async getSurvey(callSid) {
      const item = await getItem(t, keys.survey(callSid));
      return item ? fromItem<SurveyResponse>(item) : undefined;
    },
    async putSurvey(survey) {
      await putIf(t, surveyItem(survey), 'attribute_not_exists(pk) OR attribute_exists(pk)');
    },
    surveysByAgent: async (agentId, page) =>
      mapPage<SurveyResponse>(
        await queryPage(
          t,
          {
            index: 'gsi3',
            pk: keys.agent(agentId),
            skPrefix: keys.listedPrefix('survey'),
            newestFirst: true,
          },
          page,
        ),
      ),
    surveysOfDay: async (day, page) =>
      mapPage<SurveyResponse>(await queryPage(t, { index: 'gsi2', pk: keys.surveyDay(day) }, page)),
  };
}
