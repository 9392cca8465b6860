// Counts the requests a Twilio REST transport makes, by kind and path, so a test can say how many
// provider calls an action costs (a list is one request here: the transport asks for 1000 a page).
import type { RestTransport } from '../../functions/adapters/twilio/rest-transport.js';

export interface CountedTransport {
  readonly transport: RestTransport;
  /** `<method> <path>` of every request since the last `reset()`. */
  readonly requests: string[];
  reset(): void;
}

export function countRequests(rest: RestTransport): CountedTransport {
  const requests: string[] = [];
  /** Notes the request, then makes it. */
  const noted =
    <A extends unknown[], R>(method: string, send: (path: string, ...rest: A) => R) =>
    (path: string, ...args: A): R => {
      requests.push(`${method} ${path}`);
      return send(path, ...args);
    };
  const transport: RestTransport = {
    accountSid: rest.accountSid,
    voice: noted('voice', rest.voice),
    voiceDelete: noted('voiceDelete', rest.voiceDelete),
    voiceList: noted('voiceList', rest.voiceList),
    taskrouter: noted('taskrouter', rest.taskrouter),
    taskrouterList: noted('taskrouterList', rest.taskrouterList),
  };
  return { transport, requests, reset: () => requests.splice(0) };
}
