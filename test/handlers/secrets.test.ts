// Secret resolution for Lambda: inline values pass through, secret ids are read once, failures name the
// configuration key and the secret id but never a secret's value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config.js';
import { resolveSecrets } from '../../functions/handlers/secrets.js';

const base = {
  PUBLIC_BASE_URL: 'https://cc.example.com',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
};

describe('resolveSecrets', () => {
  it('passes inline values through without reading anything', async () => {
    const config = loadConfig({ ...base, TWILIO_AUTH_TOKEN: 'tok', SESSION_KEY: 'key' });
    const secrets = await resolveSecrets(config, () => Promise.reject(new Error('no reads expected')));
    expect(secrets).toEqual({ twilioAuthToken: 'tok', sessionKey: 'key' });
  });

  it('reads each secret id once and trims the value', async () => {
    const config = loadConfig({ ...base, TWILIO_AUTH_TOKEN_SECRET_ID: 'tw', SESSION_KEY_SECRET_ID: 'sk' });
    const reads: string[] = [];
    const secrets = await resolveSecrets(config, async (id) => {
      reads.push(id);
      return id === 'tw' ? 'token\n' : 'session-key';
    });
    expect(secrets).toEqual({ twilioAuthToken: 'token', sessionKey: 'session-key' });
    expect(reads.sort()).toEqual(['sk', 'tw']);
  });

  it('reads the origin check CloudFront adds when its secret id is configured', async () => {
    const config = loadConfig({
      ...base,
      TWILIO_AUTH_TOKEN: 'tok',
      SESSION_KEY: 'key',
      ORIGIN_VERIFY_SECRET_ID: 'ov',
    });
    const secrets = await resolveSecrets(config, async (id) => (id === 'ov' ? 'from-cloudfront' : undefined));
    expect(secrets).toEqual({ twilioAuthToken: 'tok', sessionKey: 'key', originVerify: 'from-cloudfront' });
  });

  it('names the key and secret id when a read fails', async () => {
    const config = loadConfig({ ...base, TWILIO_AUTH_TOKEN_SECRET_ID: 'tw', SESSION_KEY: 'inline' });
    const failure = resolveSecrets(config, () => Promise.reject(new Error('AccessDeniedException')));
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(/TWILIO_AUTH_TOKEN_SECRET_ID.*"tw".*AccessDeniedException/);
  });

  it('rejects an empty secret without echoing anything', async () => {
    const config = loadConfig({ ...base, TWILIO_AUTH_TOKEN: 'tok', SESSION_KEY_SECRET_ID: 'sk' });
    await expect(resolveSecrets(config, async () => '  ')).rejects.toThrow(
      'Configuration SESSION_KEY_SECRET_ID: secret "sk" has no string value',
    );
  });
});
