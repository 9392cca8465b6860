// The supervisor's softphone: the same connection as the agent desktop, used only to answer the leg the
// server rings when the supervisor monitors, whispers, barges or takes over. It sends no agent heartbeat:
// that heartbeat keeps a TaskRouter worker Available for queue calls, which only the agent desk may claim
// (a supervisor may have no worker at all, and one who is also an agent is not taking calls here).
import { useEffect, useRef, useState } from 'react';
import { openConnection } from '../connection/open-connection.js';
import type { AgentConnection, LinkState } from '../connection/types.js';
import { deskApi } from '../desk-api.js';

export function useSoftphone(enabled: boolean) {
  const [link, setLink] = useState<LinkState>('connecting');
  const [liveCallSid, setLiveCallSid] = useState<string>();
  const connection = useRef<AgentConnection | undefined>(undefined);
  const expectUntil = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void (async () => {
      try {
        const token = await deskApi.token();
        const conn = await openConnection(token, deskApi.token);
        if (cancelled) return;
        connection.current = conn;
        conn.on((event) => {
          if (event.type === 'state') setLink(event.state);
          if (event.type === 'incoming' && Date.now() < expectUntil.current) conn.accept(event.call.callSid);
          if (event.type === 'connected') setLiveCallSid(event.callSid);
          if (event.type === 'disconnected') setLiveCallSid(undefined);
        });
        await conn.start();
      } catch {
        if (!cancelled) setLink('offline');
      }
    })();
    return () => {
      cancelled = true;
      connection.current?.stop();
      connection.current = undefined;
    };
  }, [enabled]);

  return {
    link,
    liveCallSid,
    /** The next call to my client within a minute is the one I asked for: answer it. */
    expectCall() {
      expectUntil.current = Date.now() + 60_000;
    },
    hangup() {
      if (liveCallSid) connection.current?.hangup(liveCallSid);
    },
  };
}
