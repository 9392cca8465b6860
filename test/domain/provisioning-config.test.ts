// The provisioning function's configuration (functions/config.ts loadProvisioningConfig): only what it
// uses (account, token source, table), failing fast with the key's name.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadProvisioningConfig } from '../../functions/config.js';

const base = {
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN_SECRET_ID: 'contact-center/twilio-auth-token',
  TABLE_NAME: 'cc',
};

describe('loadProvisioningConfig', () => {
  it('needs no public URL, bucket or session key', () => {
    const config = loadProvisioningConfig(base);
    expect(config.twilio).toEqual({
      accountSid: base.TWILIO_ACCOUNT_SID,
      authToken: { source: 'secret', secretId: 'contact-center/twilio-auth-token' },
    });
    expect(config.tableName).toBe('cc');
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.defaultPhoneRegion).toBe('CN');
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, 'TWILIO_ACCOUNT_SID'],
    [{ TWILIO_AUTH_TOKEN_SECRET_ID: undefined }, 'TWILIO_AUTH_TOKEN'],
    [{ TABLE_NAME: undefined }, 'TABLE_NAME'],
    [{ TWILIO_API_BASE_URL: 'ftp://twin' }, 'TWILIO_API_BASE_URL'],
    [{ PHONE_REGION: 'China' }, 'PHONE_REGION'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
  ])('fails naming the key: %o', (change, key) => {
    const attempt = () => loadProvisioningConfig({ ...base, ...change });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`Configuration ${key}`));
  });
});
