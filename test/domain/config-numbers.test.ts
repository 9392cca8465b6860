// The numbers part of the functions' configuration: HOTLINES (which flow each deployed number runs) and
// CALLBACK_CALLER_ID, parsed once and refused at start, naming the variable, when malformed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';

const BASE = {
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'x',
  SESSION_KEY: 'y',
  PUBLIC_BASE_URL: 'https://cc.example.com',
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
};

describe('numbers configuration', () => {
  it('reads HOTLINES pairs and the callback caller id', () => {
    const config = loadConfig({
      ...BASE,
      HOTLINES: '+8640012345678=warranty, +862161234567=it-support',
      CALLBACK_CALLER_ID: '+862161234567',
    });
    expect(config.hotlines).toEqual([
      { number: '+8640012345678', flow: 'warranty' },
      { number: '+862161234567', flow: 'it-support' },
    ]);
    expect(config.channels?.callbackCallerId).toBe('+862161234567');
  });

  it('has neither when unset (the local stack: its demo numbers)', () => {
    const config = loadConfig(BASE);
    expect(config.hotlines).toBeUndefined();
    expect(config.channels?.callbackCallerId).toBeUndefined();
  });

  it.each([
    [{ HOTLINES: '+8640012345678' }, /HOTLINES: each entry must be \+E164=flow, got "\+8640012345678"/],
    [{ HOTLINES: '4001234567=warranty' }, /HOTLINES: each entry must be/],
    [{ HOTLINES: '+8640012345678=Warranty Line' }, /HOTLINES: each entry must be/],
    [
      { HOTLINES: '+8640012345678=warranty,+8640012345678=rescue' },
      /HOTLINES: \+8640012345678 is listed twice/,
    ],
    [{ CALLBACK_CALLER_ID: '021 6123 4567' }, /CALLBACK_CALLER_ID: must be an E.164 number/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(message);
  });
});
