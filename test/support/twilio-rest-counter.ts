// Counts the app's requests to Twilio's REST API on the local stack, by method and path shape (SIDs as
// {sid}), where the twin receives them: its Hono app serves them whether they came over HTTP or were
// handed over in process (the stack's default), and no one but the app calls that API while counting.
import type { LocalStack } from '../../infra/local/start-local-stack.js';

export interface TwilioRestCounter {
  counting: boolean;
  readonly byRequest: Record<string, number>;
  total(): number;
  reset(): void;
  uninstall(): void;
}

export function countTwilioRest(stack: LocalStack): TwilioRestCounter {
  const app = stack.twin.app;
  const original = app.fetch;
  const prefix = new URL(stack.twin.apiBaseUrl()).pathname;
  let byRequest: Record<string, number> = {};
  const counter: TwilioRestCounter = {
    counting: false,
    get byRequest() {
      return byRequest;
    },
    total: () => Object.values(byRequest).reduce((a, b) => a + b, 0),
    reset() {
      byRequest = {};
    },
    uninstall() {
      app.fetch = original;
    },
  };
  app.fetch = (request, ...rest) => {
    const { pathname } = new URL(request.url);
    if (counter.counting && pathname.startsWith(`${prefix}/`)) {
      const shape = pathname.slice(prefix.length).replace(/\/[A-Z]{2}[0-9a-f]{32}/g, '/{sid}');
      const key = `${request.method} ${shape}`;
      byRequest[key] = (byRequest[key] ?? 0) + 1;
    }
    return original(request, ...rest);
  };
  return counter;
}
