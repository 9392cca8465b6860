// REST Queues and Members: list/create/fetch queues (current_size, average_wait_time, max_size), list and fetch
// members (by CallSid or Front), and dequeue a member to a new Url.
import type { Hono } from 'hono';
import { param, readParams, TwilioRestError } from '../../rest-common.js';
import type { VoiceEngine } from '../engine.js';
import type { CallQueue } from '../queues.js';
import { method } from './calls-rest.js';
import { listPage, stripJson } from './paging.js';
import { renderMember, renderQueue } from './render.js';

export function mountQueues(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const store = engine.queues;
  const notFound = (what: string) =>
    new TwilioRestError(404, 20404, `The requested resource ${what} was not found`);
  const queue = (file: string): CallQueue =>
    store.queues.get(stripJson(file) ?? file) ?? throwIt(notFound(file));
  const render = (q: CallQueue) => renderQueue(ac, q, store.averageWait(q));
  const member = (q: CallQueue, file: string) => {
    const key = stripJson(file) ?? file;
    const m = key === 'Front' ? q.members[0] : q.members.find((x) => x.call.sid === key);
    return m ?? throwIt(notFound(file));
  };

  app.get('/Queues.json', (c) => c.json(listPage(c, 'queues', [...store.queues.values()], render)));
  app.post('/Queues.json', async (c) => {
    const p = await readParams(c);
    const name = param(p, 'FriendlyName');
    if (!name) throw new TwilioRestError(400, 20001, 'FriendlyName is required');
    if (store.byName(name)) throw new TwilioRestError(400, 22003, `Queue ${name} already exists`);
    const max = Number(param(p, 'MaxSize') ?? 1000);
    if (!Number.isInteger(max) || max < 1 || max > 5000)
      throw new TwilioRestError(400, 20001, 'MaxSize is 1 to 5000');
    return c.json(render(store.create(name, max)), 201);
  });
  app.get('/Queues/:file', (c) => c.json(render(queue(c.req.param('file')))));
  app.post('/Queues/:file', async (c) => {
    const q = queue(c.req.param('file'));
    const p = await readParams(c);
    if (param(p, 'FriendlyName')) q.friendlyName = param(p, 'FriendlyName') as string;
    if (param(p, 'MaxSize')) q.maxSize = Number(param(p, 'MaxSize'));
    return c.json(render(q));
  });

  app.get('/Queues/:q/Members.json', (c) => {
    const q = queue(c.req.param('q'));
    return c.json(
      listPage(c, 'queue_members', q.members, (m) =>
        renderMember(ac, m, store.position(m), store.waitSeconds(m)),
      ),
    );
  });
  app.get('/Queues/:q/Members/:file', (c) => {
    const m = member(queue(c.req.param('q')), c.req.param('file'));
    return c.json(renderMember(ac, m, store.position(m), store.waitSeconds(m)));
  });
  app.post('/Queues/:q/Members/:file', async (c) => {
    const m = member(queue(c.req.param('q')), c.req.param('file'));
    const p = await readParams(c);
    const url = param(p, 'Url');
    if (!url) throw new TwilioRestError(400, 20001, 'Url is required');
    const view = renderMember(ac, m, store.position(m), store.waitSeconds(m));
    engine.redirect(m.call, { kind: 'url', url, method: method(param(p, 'Method')) });
    await engine.idle(m.call.sid);
    return c.json(view);
  });
}

function throwIt(err: Error): never {
  throw err;
}
