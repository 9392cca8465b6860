// Configuration fails fast and names the key that is missing or malformed.
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadBootstrapConfig,
  loadConfig,
  loadLocalOptions,
  loadProvisioningConfig,
} from '../../functions/config.js';

const base = {
  PUBLIC_BASE_URL: 'https://cc.example.com/',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TABLE_NAME: 'cc',
  BUCKET_NAME: 'cc-recordings',
  SESSION_KEY: 'k'.repeat(32),
};

describe('loadConfig', () => {
  it('reads a complete environment with defaults', () => {
    const config = loadConfig(base);
    expect(config.publicBaseUrl).toBe('https://cc.example.com');
    expect(config.twilio.authToken).toEqual({ source: 'inline', value: 'token' });
    expect(config.defaultPhoneRegion).toBe('CN');
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.session.ttlSeconds).toBe(28_800);
    expect(config.dynamodbEndpoint).toBeUndefined();
  });

  it('reads the Intelligence Service that transcribes recordings, and refuses one that is not a GA sid', () => {
    expect(loadConfig(base).twilio.intelligenceServiceSid).toBeUndefined();
    const sid = `GA${'a'.repeat(32)}`;
    expect(loadConfig({ ...base, TWILIO_INTELLIGENCE_SERVICE_SID: sid }).twilio.intelligenceServiceSid).toBe(
      sid,
    );
    expect(() => loadConfig({ ...base, TWILIO_INTELLIGENCE_SERVICE_SID: 'GA1' })).toThrow(
      /TWILIO_INTELLIGENCE_SERVICE_SID/,
    );
  });

  it.each(['America/New_York', 'Asia/Kolkata', 'UTC', 'Etc/GMT-8'])(
    'accepts the time zone %s, canonical or alias',
    (tz) => {
      expect(loadConfig({ ...base, TIME_ZONE: tz }).timeZone).toBe(tz);
    },
  );

  it('reads the log level from POWERTOOLS_LOG_LEVEL, else LOG_LEVEL, in any case; INFO by default', () => {
    expect(loadConfig(base).logLevel).toBe('INFO');
    expect(loadConfig({ ...base, LOG_LEVEL: 'debug' }).logLevel).toBe('DEBUG');
    expect(loadConfig({ ...base, LOG_LEVEL: 'debug', POWERTOOLS_LOG_LEVEL: 'Warn' }).logLevel).toBe('WARN');
    expect(loadProvisioningConfig({ ...base, LOG_LEVEL: 'error' }).logLevel).toBe('ERROR');
    expect(loadBootstrapConfig({ TABLE_NAME: 't', ADMIN_PASSWORD: 'p', LOG_LEVEL: 'silent' }).logLevel).toBe(
      'SILENT',
    );
  });

  it('prefers a Secrets Manager secret id over an inline token', () => {
    const config = loadConfig({
      ...base,
      TWILIO_AUTH_TOKEN: undefined,
      TWILIO_AUTH_TOKEN_SECRET_ID: 'cc/twilio',
    });
    expect(config.twilio.authToken).toEqual({ source: 'secret', secretId: 'cc/twilio' });
  });

  it.each([
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: undefined }, /PUBLIC_BASE_URL: is required/],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'ftp://x' }, /PUBLIC_BASE_URL: must be an http\(s\) URL/],
    [
      'TWILIO_ACCOUNT_SID',
      { TWILIO_ACCOUNT_SID: 'AC123' },
      /TWILIO_ACCOUNT_SID: must be "AC" followed by 32/,
    ],
    [
      'TWILIO_AUTH_TOKEN',
      { TWILIO_AUTH_TOKEN: '' },
      /TWILIO_AUTH_TOKEN: is required \(or TWILIO_AUTH_TOKEN_SECRET_ID/,
    ],
    ['TABLE_NAME', { TABLE_NAME: '  ' }, /TABLE_NAME: is required/],
    ['TIME_ZONE', { TIME_ZONE: 'Mars/Base' }, /TIME_ZONE: must be an IANA time zone/],
    ['PHONE_REGION', { PHONE_REGION: 'china' }, /PHONE_REGION: must be a two-letter country code/],
    ['SESSION_TTL_SECONDS', { SESSION_TTL_SECONDS: '-5' }, /SESSION_TTL_SECONDS: must be a positive integer/],
    [
      'POWERTOOLS_LOG_LEVEL',
      { POWERTOOLS_LOG_LEVEL: 'loud' },
      /POWERTOOLS_LOG_LEVEL: must be one of TRACE, DEBUG/,
    ],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, /LOG_LEVEL: must be one of TRACE, DEBUG, INFO, WARN, ERROR/],
  ])('names %s when it is wrong', (key, patch, message) => {
    let error: unknown;
    try {
      loadConfig({ ...base, ...patch });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as Error).message).toMatch(message);
  });
});

describe('loadLocalOptions', () => {
  it('defaults to port 3000 with data under .data', () => {
    expect(loadLocalOptions({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '.data',
      demoHistory: true,
    });
  });
  it('runs in memory when asked and rejects a bad port', () => {
    expect(loadLocalOptions({ IN_MEMORY: '1', PORT: '0' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      demoHistory: true,
    });
    expect(loadLocalOptions({ DEMO_HISTORY: '0' }).demoHistory).toBe(false);
    expect(() => loadLocalOptions({ DEMO_HISTORY: 'some' })).toThrow(
      /DEMO_HISTORY: must be 1\/true or 0\/false/,
    );
    expect(() => loadLocalOptions({ PORT: 'eighty' })).toThrow(/PORT: must be a port number/);
    expect(() => loadLocalOptions({ IN_MEMORY: 'maybe' })).toThrow(/IN_MEMORY: must be 1\/true or 0\/false/);
  });
});
