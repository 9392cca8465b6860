// The task now on a customer's call (the assignment's, or a transfer's that replaced it), as the call-task
// marker keeps it: where a conference's or a call's end finds which task to move to wrap-up.
import type { Store } from '../domain/ports.js';

export interface CallTask {
  readonly taskSid: string;
  readonly workerSid: string;
}

export async function callTaskOf(store: Pick<Store, 'keys'>, callSid: string): Promise<CallTask | undefined> {
  const found = await store.keys.get({ kind: 'call-task', callSid });
  return found ? (JSON.parse(String(found.value)) as CallTask) : undefined;
}
