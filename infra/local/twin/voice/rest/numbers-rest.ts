// REST IncomingPhoneNumbers and Applications: list (PhoneNumber/FriendlyName filters), create, fetch, update of the
// voice/SMS/status/fallback URLs and methods, delete; enough for provisioning scripts.
import type { Hono } from 'hono';
import { type FormParams, param, readParams, TwilioRestError } from '../../rest-common.js';
import type { VoiceEngine } from '../engine.js';
import type { UrlSettingsInput } from '../phone-numbers.js';
import { method } from './calls-rest.js';
import { listPage, stripJson } from './paging.js';
import { renderApplication, renderNumber } from './render.js';

function urlSettings(p: FormParams): UrlSettingsInput & { friendlyName?: string } {
  const m = (k: string) => (param(p, k) !== undefined ? method(param(p, k)) : undefined);
  const s = {
    friendlyName: param(p, 'FriendlyName'),
    voiceUrl: param(p, 'VoiceUrl'),
    voiceMethod: m('VoiceMethod'),
    voiceFallbackUrl: param(p, 'VoiceFallbackUrl'),
    voiceFallbackMethod: m('VoiceFallbackMethod'),
    statusCallback: param(p, 'StatusCallback'),
    statusCallbackMethod: m('StatusCallbackMethod'),
    smsUrl: param(p, 'SmsUrl'),
    smsMethod: m('SmsMethod'),
    smsFallbackUrl: param(p, 'SmsFallbackUrl'),
    smsFallbackMethod: m('SmsFallbackMethod'),
  };
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as UrlSettingsInput;
}

export function mountNumbers(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const store = engine.deps.numbers;
  const notFound = (file: string) =>
    new TwilioRestError(404, 20404, `The requested resource ${file} was not found`);
  const number = (file: string) => store.numbers.get(stripJson(file) ?? '') ?? throwIt(notFound(file));
  const application = (file: string) =>
    store.applications.get(stripJson(file) ?? '') ?? throwIt(notFound(file));

  app.get('/IncomingPhoneNumbers.json', (c) => {
    const pn = c.req.query('PhoneNumber');
    const fn = c.req.query('FriendlyName');
    const list = [...store.numbers.values()].filter(
      (n) => (!pn || n.phoneNumber === pn) && (!fn || n.friendlyName === fn),
    );
    return c.json(listPage(c, 'incoming_phone_numbers', list, (n) => renderNumber(ac, n)));
  });
  app.post('/IncomingPhoneNumbers.json', async (c) => {
    const p = await readParams(c);
    const phone = param(p, 'PhoneNumber');
    if (!phone) throw new TwilioRestError(400, 21421, 'PhoneNumber or AreaCode is required');
    if (store.byNumber(phone)) throw new TwilioRestError(400, 21422, `${phone} is already provisioned`);
    if (param(p, 'VoiceFallbackUrl') && !param(p, 'VoiceUrl')) {
      throw new TwilioRestError(400, 21405, 'A fallback URL needs a primary URL');
    }
    const pn = store.addNumber(phone, { ...urlSettings(p), ...appSids(p) });
    return c.json(renderNumber(ac, pn), 201);
  });
  app.get('/IncomingPhoneNumbers/:file', (c) => c.json(renderNumber(ac, number(c.req.param('file')))));
  app.post('/IncomingPhoneNumbers/:file', async (c) => {
    const pn = number(c.req.param('file'));
    const p = await readParams(c);
    store.update(pn, { ...urlSettings(p), ...appSids(p) });
    return c.json(renderNumber(ac, pn));
  });
  app.delete('/IncomingPhoneNumbers/:file', (c) => {
    store.numbers.delete(number(c.req.param('file')).sid);
    return c.body(null, 204);
  });

  app.get('/Applications.json', (c) => {
    const fn = c.req.query('FriendlyName');
    const list = [...store.applications.values()].filter((a) => !fn || a.friendlyName === fn);
    return c.json(listPage(c, 'applications', list, (a) => renderApplication(ac, a)));
  });
  app.post('/Applications.json', async (c) => {
    const a = store.addApplication(urlSettings(await readParams(c)));
    return c.json(renderApplication(ac, a), 201);
  });
  app.get('/Applications/:file', (c) => c.json(renderApplication(ac, application(c.req.param('file')))));
  app.post('/Applications/:file', async (c) => {
    const a = application(c.req.param('file'));
    store.update(a, urlSettings(await readParams(c)));
    return c.json(renderApplication(ac, a));
  });
  app.delete('/Applications/:file', (c) => {
    store.applications.delete(application(c.req.param('file')).sid);
    return c.body(null, 204);
  });
}

function appSids(p: FormParams) {
  const v = param(p, 'VoiceApplicationSid');
  const s = param(p, 'SmsApplicationSid');
  return {
    ...(v !== undefined ? { voiceApplicationSid: v } : {}),
    ...(s !== undefined ? { smsApplicationSid: s } : {}),
  };
}

function throwIt(err: Error): never {
  throw err;
}
