// The draft of the call the desk is about: loaded from the server when the call becomes known (after a
// reload, in a second tab), changed as the agent types and saved shortly after they pause, so nothing
// typed is lost to a reload, a crash or the wrap-up timer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CallDraftFields, deskApi } from '../desk-api.js';

/** Long enough to batch keystrokes, short enough that a reload right after typing keeps them. */
const SAVE_AFTER_MS = 400;
const CALL_SID = /^CA[0-9a-f]{32}$/;

export interface CallDraft {
  /** The call the draft belongs to; undefined when the desk is about no call. */
  readonly callSid?: string;
  /** False until the server has answered: forms wait for it before taking their first values. */
  readonly loaded: boolean;
  readonly fields: CallDraftFields;
  update(patch: Partial<CallDraftFields>): void;
  /** The agent saved for real: the draft has done its job. */
  discard(): void;
}

export function useCallDraft(callSid: string | undefined): CallDraft {
  const [state, setState] = useState<{ callSid?: string; loaded: boolean; fields: CallDraftFields }>({
    loaded: false,
    fields: {},
  });
  const latest = useRef(state);
  latest.current = state;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { callSid: sid, fields } = latest.current;
    // The server refuses an oversized or malformed draft with a reason; the form itself still holds
    // the text, so a failed save costs nothing but the reload protection.
    if (sid) void deskApi.saveDraft(sid, fields).catch(() => undefined);
  }, []);

  useEffect(() => {
    const valid = callSid && CALL_SID.test(callSid) ? callSid : undefined;
    setState(valid ? { callSid: valid, loaded: false, fields: {} } : { loaded: false, fields: {} });
    if (!valid) return;
    let cancelled = false;
    deskApi.draft(valid).then(
      (fields) => !cancelled && setState({ callSid: valid, loaded: true, fields: strip(fields) }),
      // No draft yet (404) is the usual case; any other failure still lets the agent type.
      () => !cancelled && setState({ callSid: valid, loaded: true, fields: {} }),
    );
    return () => {
      cancelled = true;
      // Leaving this call (or the page) with typing not yet saved: save it now.
      if (timer.current) flush();
    };
  }, [callSid, flush]);

  const update = useCallback(
    (patch: Partial<CallDraftFields>) => {
      const next = { ...latest.current, fields: { ...latest.current.fields, ...patch } };
      latest.current = next;
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  const discard = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const sid = latest.current.callSid;
    setState({ ...latest.current, fields: {} });
    if (sid) void deskApi.discardDraft(sid).catch(() => undefined);
  }, []);

  // Until the effect has caught up with a new call, answer for that call (not loaded yet) rather than
  // the previous one: a form rendered in between would take empty first values and keep them.
  const valid = callSid && CALL_SID.test(callSid) ? callSid : undefined;
  const current =
    state.callSid === valid ? state : { ...(valid ? { callSid: valid } : {}), loaded: false, fields: {} };
  return { ...current, update, discard };
}

/** Only the draft's own fields: the answer also carries callSid, savedAt and expiresAt. */
function strip(draft: CallDraftFields): CallDraftFields {
  return {
    ...(draft.disposition ? { disposition: draft.disposition } : {}),
    ...(draft.notes ? { notes: draft.notes } : {}),
    ...(draft.ticket ? { ticket: draft.ticket } : {}),
    ...(draft.pop ? { pop: draft.pop } : {}),
  };
}
