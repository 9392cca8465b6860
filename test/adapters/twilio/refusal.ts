// Awaits a port call that must be refused by the provider, and hands back the ProviderError it
// rejected with (failing the test when it resolved or rejected with anything else).
import { expect } from 'vitest';
import { ProviderError } from '../../../functions/domain/telephony-port.js';

export async function refusal(p: Promise<unknown>): Promise<ProviderError> {
  const outcome = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(ProviderError);
  return outcome as ProviderError;
}
