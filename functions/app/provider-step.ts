// Refusals from Twilio's REST API (a 4xx from TaskRouter or the Voice API) become the center's own: 404
// when the thing is gone, else 409 naming the step that failed. Faults (5xx, network) stay faults.
import { HttpProblem } from '../domain/problems.js';
import { ProviderError } from '../domain/telephony-port.js';

export async function providerStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof ProviderError && err.status >= 400 && err.status < 500) {
      if (err.status === 404)
        throw new HttpProblem(404, 'not-found', `${what}: ${err.message || 'not found'}`);
      throw new HttpProblem(409, 'twilio-refused', `${what}: ${err.message || 'refused'}`, {
        twilioCode: err.code,
      });
    }
    throw err;
  }
}
