// The twin's API keys (2010-04-01 Keys): create (the only answer that carries the secret), fetch, list,
// delete, as the deploy's provisioning step uses them. A created key joins the signing keys the agent link
// accepts, so a token minted with it opens a softphone as on Twilio. Kept in memory: not persisted.
import { Hono } from 'hono';
import type { TwinAccount } from './ports.js';
import {
  basicAuth,
  newSid,
  param,
  readParams,
  restErrorResponse,
  rfc2822,
  TwilioRestError,
} from './rest-common.js';
import { listPage, stripJson } from './voice/rest/paging.js';

interface TwinKey {
  readonly sid: string;
  readonly friendlyName: string;
  readonly dateCreated: number;
}

/** Mount at `/api`, beside the voice REST app: serves `/2010-04-01/Accounts/{AC}/Keys...`. */
export function createKeysRestApp(deps: {
  readonly account: TwinAccount;
  /** SK… -> secret; shared with the agent link, which verifies Access Tokens with it. */
  readonly signingKeys: Map<string, string>;
  readonly now: () => number;
}): Hono {
  const keys = new Map<string, TwinKey>();
  const render = (k: TwinKey) => ({
    sid: k.sid,
    friendly_name: k.friendlyName,
    date_created: rfc2822(k.dateCreated),
    date_updated: rfc2822(k.dateCreated),
  });
  const find = (file: string) => {
    const key = keys.get(stripJson(file) ?? '');
    if (!key) throw new TwilioRestError(404, 20404, `The requested resource ${file} was not found`);
    return key;
  };

  const account = new Hono();
  account.post('/Keys.json', async (c) => {
    const friendlyName = param(await readParams(c), 'FriendlyName') ?? '';
    const key: TwinKey = { sid: newSid('SK'), friendlyName, dateCreated: deps.now() };
    const secret = newSid(''); // 32 hex characters, as long as Twilio's
    keys.set(key.sid, key);
    deps.signingKeys.set(key.sid, secret);
    return c.json({ ...render(key), secret }, 201);
  });
  account.get('/Keys.json', (c) => c.json(listPage(c, 'keys', [...keys.values()], render)));
  account.get('/Keys/:file', (c) => c.json(render(find(c.req.param('file')))));
  account.delete('/Keys/:file', (c) => {
    const key = find(c.req.param('file'));
    keys.delete(key.sid);
    deps.signingKeys.delete(key.sid);
    return c.body(null, 204);
  });

  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof TwilioRestError) return restErrorResponse(c, err);
    throw err;
  });
  app.use('/2010-04-01/*', basicAuth(deps.account));
  app.use('/2010-04-01/Accounts/:account/*', async (c, next) => {
    if (c.req.param('account') !== deps.account.accountSid)
      throw new TwilioRestError(404, 20404, `The requested resource ${c.req.path} was not found`);
    await next();
  });
  app.route('/2010-04-01/Accounts/:account', account);
  return app;
}
