// REST Messages (docs/twilio-behaviour.md §6.3): create (To, From, Body, MediaUrl, StatusCallback; 21610 to opted-out numbers),
// fetch, list with To/From filters.
import type { Hono } from 'hono';
import { param, paramList, readParams, rfc2822, TwilioRestError } from '../rest-common.js';
import { listPage, stripJson } from '../voice/rest/paging.js';
import type { Message, MessagingEngine } from './messaging-engine.js';

export function renderMessage(ac: string, m: Message) {
  const uri = `/2010-04-01/Accounts/${ac}/Messages/${m.sid}.json`;
  return {
    sid: m.sid,
    account_sid: ac,
    from: m.from,
    to: m.to,
    body: m.body,
    status: m.status,
    direction: m.direction,
    num_segments: String(Math.max(1, Math.ceil(m.body.length / 160))),
    num_media: String(m.mediaUrls.length),
    date_created: rfc2822(m.dateCreated),
    date_updated: rfc2822(m.dateUpdated),
    date_sent: m.dateSent === undefined ? null : rfc2822(m.dateSent),
    error_code: m.errorCode ?? null,
    error_message: m.errorMessage ?? null,
    price: null,
    price_unit: 'USD',
    api_version: '2010-04-01',
    messaging_service_sid: null,
    uri,
    subresource_uris: { media: uri.replace('.json', '/Media.json') },
  };
}

export function mountMessages(app: Hono, engine: MessagingEngine): void {
  const ac = engine.deps.ctx.account.accountSid;
  app.post('/Messages.json', async (c) => {
    const p = await readParams(c);
    const cb = param(p, 'StatusCallback');
    const msg = engine.send({
      from: param(p, 'From') ?? '',
      to: param(p, 'To') ?? '',
      body: param(p, 'Body') ?? '',
      mediaUrls: paramList(p, 'MediaUrl').slice(0, 10),
      ...(cb ? { statusCallback: cb } : {}),
    });
    return c.json(renderMessage(ac, msg), 201);
  });
  app.get('/Messages.json', (c) => {
    const to = c.req.query('To');
    const from = c.req.query('From');
    const list = [...engine.messages.values()]
      .filter((m) => (!to || m.to === to) && (!from || m.from === from))
      .reverse();
    return c.json(listPage(c, 'messages', list, (m) => renderMessage(ac, m)));
  });
  app.get('/Messages/:file', (c) => {
    const msg = engine.messages.get(stripJson(c.req.param('file')) ?? '');
    if (!msg)
      throw new TwilioRestError(404, 20404, `The requested resource ${c.req.param('file')} was not found`);
    return c.json(renderMessage(ac, msg));
  });
}
