// Sim API for scripting how the numbers the center calls behave (a dialler's tests script thousands at once):
// POST / one callee or `{ callees: [...] }`, GET / lists them, DELETE / clears them, DELETE /{number} removes
// one. A whole body is checked before any of it is applied, and a bad one is a 400 naming the field. Mount
// at /sim/callees. Local only.
import { Hono } from 'hono';
import {
  CALLEE_ANSWERS,
  CALLEE_DEFAULTS,
  type CalleeAnswer,
  type CalleeScript,
} from '../voice/callee-script.js';
import { calleeParty } from '../voice/callees.js';
import type { PartyRegistry } from '../voice/parties.js';
import { type Json, readJson, SimBadRequest } from './sim-body.js';

const FIELDS = [
  'number',
  'answer',
  'afterSeconds',
  'greetingSeconds',
  'digits',
  'digitsAfterSeconds',
  'hangUpAfterSeconds',
] as const;
const E164 = /^\+[1-9]\d{1,14}$/;
const ANSWERED: readonly CalleeAnswer[] = ['human', 'machine', 'fax'];

export function createCalleesSimApp(parties: PartyRegistry): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof SimBadRequest) return c.json({ error: err.message, field: err.field }, 400);
    throw err;
  });

  app.post('/', async (c) => {
    const body = await readJson(c);
    const many = body.callees;
    if (many !== undefined) {
      const other = Object.keys(body).find((k) => k !== 'callees');
      if (other) fail(other, 'give one callee, or { callees: [...] } alone');
      if (!Array.isArray(many)) fail('callees', 'callees is an array of callees');
    }
    const scripts = Array.isArray(many)
      ? many.map((one, i) => parseCallee(one, `callees[${i}].`))
      : [parseCallee(body, '')];
    for (const script of scripts) parties.register(script.number, calleeParty(script));
    return c.json({ count: scripts.length, callees: scripts }, 201);
  });

  app.get('/', (c) => c.json({ callees: parties.callees() }));

  app.delete('/', (c) => c.json({ removed: parties.clearCallees() }));

  app.delete('/:number', (c) => {
    const number = c.req.param('number');
    if (!parties.lookup(number).callee) return c.json({ error: `${number} is not scripted` }, 404);
    parties.unregister(number);
    return c.json({ removed: 1 });
  });

  return app;
}

function fail(field: string, message: string): never {
  throw new SimBadRequest(field, message);
}

function parseCallee(value: unknown, at: string): CalleeScript {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail(at ? at.slice(0, -1) : 'body', 'a callee is a JSON object');
  const body = value as Json;
  for (const key of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(key))
      fail(`${at}${key}`, `unknown field ${key}; a callee has ${FIELDS.join(', ')}`);
  }
  const number = body.number;
  if (typeof number !== 'string' || !E164.test(number))
    fail(`${at}number`, 'number is an E.164 phone number, e.g. +8613800000001');
  const answer = body.answer as CalleeAnswer;
  if (!CALLEE_ANSWERS.includes(answer)) fail(`${at}answer`, `answer is one of ${CALLEE_ANSWERS.join(', ')}`);
  const seconds = (field: (typeof FIELDS)[number]) => {
    const v = body[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      fail(`${at}${field}`, `${field} is a non-negative number of seconds`);
    return v;
  };
  const greetingSeconds = seconds('greetingSeconds');
  if (greetingSeconds !== undefined && answer !== 'machine')
    fail(`${at}greetingSeconds`, 'greetingSeconds is for answer "machine" only');
  const digits = body.digits;
  if (digits !== undefined && (typeof digits !== 'string' || !/^[0-9*#w]+$/.test(digits)))
    fail(`${at}digits`, 'digits is a non-empty string of 0-9, *, # and w');
  const digitsAfterSeconds = seconds('digitsAfterSeconds');
  if (digitsAfterSeconds !== undefined && digits === undefined)
    fail(`${at}digitsAfterSeconds`, 'digitsAfterSeconds goes with digits');
  const hangUpAfterSeconds = seconds('hangUpAfterSeconds');
  for (const [field, v] of [
    ['digits', digits],
    ['hangUpAfterSeconds', hangUpAfterSeconds],
  ] as const) {
    if (v !== undefined && !ANSWERED.includes(answer))
      fail(`${at}${field}`, `${field} is for a callee who answers (human, machine or fax)`);
  }
  return {
    number,
    answer,
    afterSeconds: seconds('afterSeconds') ?? CALLEE_DEFAULTS.afterSeconds,
    ...(answer === 'machine' ? { greetingSeconds: greetingSeconds ?? CALLEE_DEFAULTS.greetingSeconds } : {}),
    ...(typeof digits === 'string'
      ? { digits, digitsAfterSeconds: digitsAfterSeconds ?? CALLEE_DEFAULTS.digitsAfterSeconds }
      : {}),
    ...(hangUpAfterSeconds !== undefined ? { hangUpAfterSeconds } : {}),
  };
}
