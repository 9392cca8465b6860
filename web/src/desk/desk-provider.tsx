// The desk outlives its page: the phone link, the live call, the screen pop and the drafts belong to the
// signed-in agent, not to /agent, so opening a customer record (or any page of the app) keeps the agent
// connected and the call on screen when they come back. After a reload the server's view of the call and
// the saved draft bring back the pop and the half-written forms. When another tab owns the phone, this one
// says so and offers to take it over.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { CallCustomer } from '../desk-api.js';
import { useLang } from '../i18n.js';
import type { CallFindings } from './offer.js';
import { type AgentDesk, useAgentDesk } from './use-agent-desk.js';
import { type CallDraft, useCallDraft } from './use-call-draft.js';

export type Desk = AgentDesk & { readonly draft: CallDraft };

const DeskContext = createContext<Desk | undefined>(undefined);

/** The call the desk was last about, per agent: the wrap-up after a reload has no live call to name it. */
const LAST_CALL = 'cc-desk-call';

/** When the agent first connected to the call: a leg dialled back in after a drop starts anew, the call did not. */
const FIRST_CONNECTED = 'cc-desk-connected';

function firstConnected(callSid: string | undefined, connectedAt: string | undefined): string | undefined {
  if (!callSid || !connectedAt) return connectedAt;
  try {
    const saved = JSON.parse(localStorage.getItem(FIRST_CONNECTED) ?? 'null') as {
      callSid: string;
      at: string;
    } | null;
    if (saved?.callSid === callSid && saved.at <= connectedAt) return saved.at;
    localStorage.setItem(FIRST_CONNECTED, JSON.stringify({ callSid, at: connectedAt }));
  } catch {
    // storage unavailable: the leg's own start
  }
  return connectedAt;
}

function remembered(agentId: string | undefined): string | undefined {
  if (!agentId) return undefined;
  try {
    const saved = JSON.parse(localStorage.getItem(LAST_CALL) ?? 'null') as {
      agentId: string;
      callSid: string;
    } | null;
    return saved?.agentId === agentId ? saved.callSid : undefined;
  } catch {
    return undefined;
  }
}

/** What the server knows of the customer, in the pop's terms. */
function findingsOfCustomer(customer: CallCustomer | undefined): CallFindings {
  if (!customer) return {};
  return {
    ...(customer.number ? { from: customer.number } : {}),
    ...(customer.customerId ? { customerId: customer.customerId } : {}),
    ...(customer.ticketNumber ? { ticketNumber: customer.ticketNumber } : {}),
  };
}

/** Whether the pop is missing something the server knows (and the pop has not said otherwise). */
function lacks(findings: CallFindings, known: CallFindings): boolean {
  return (Object.keys(known) as (keyof CallFindings)[]).some((k) => findings[k] === undefined);
}

export function DeskProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const desk = useAgentDesk(enabled);
  const { status, pop } = desk.state;
  const live = status?.call;
  const agentId = status?.agentId;
  const wrapping = status?.state === 'Wrap-up';
  // A callback (no conference) or a task I am wrapping up names its customer's call through the task.
  const taskCall = status?.taskCall;
  const serverCallSid = live?.callSid ?? taskCall?.callSid;
  // Until the server has answered once, the pop may name my own leg; the draft belongs to the customer's call.
  const callSid = status
    ? (serverCallSid ?? pop?.callSid ?? (wrapping ? remembered(agentId) : undefined))
    : undefined;
  const known = findingsOfCustomer(live?.customer ?? taskCall?.customer);
  const draft = useCallDraft(callSid);
  const { setPop } = desk;

  useEffect(() => {
    if (!agentId || !callSid) return;
    localStorage.setItem(LAST_CALL, JSON.stringify({ agentId, callSid }));
  }, [agentId, callSid]);

  useEffect(() => {
    if (!callSid) return;
    const fromDraft = draft.loaded ? (draft.fields.pop as CallFindings | undefined) : undefined;
    const saved = fromDraft && Object.keys(fromDraft).length > 0 ? fromDraft : undefined;
    if (!pop) {
      // Finished or dismissed: the server may name the call until its wrap-up ends; the pop stays closed.
      if (!live && dismissed.current.has(callSid)) return;
      // Reloaded (or a second tab): the server knows the call; the draft knows what the pop showed.
      const taskSid = live?.taskSid || taskCall?.taskSid;
      setPop({ callSid, ...(taskSid ? { taskSid } : {}), findings: { ...known, ...saved } });
    } else if (serverCallSid && pop.callSid !== serverCallSid) {
      // The pop was opened from the offer or my own leg: name it by the customer's call from now on.
      setPop({ ...pop, callSid: serverCallSid, findings: { ...known, ...pop.findings } });
    } else if (saved && lacks(pop.findings, saved)) {
      // Reopened before the draft had loaded, from the little the server knows (a number, a customer id):
      // what the pop showed before the reload (queue, language, intent, the customer's name) comes back.
      setPop({ ...pop, findings: { ...known, ...saved, ...pop.findings } });
    } else if (lacks(pop.findings, known)) {
      // A call I placed, or a callback: the page learnt nothing of the customer, the server did.
      setPop({ ...pop, findings: { ...known, ...pop.findings } });
    } else if (draft.loaded && !draft.fields.pop && Object.keys(pop.findings).length > 0) {
      draft.update({ pop: { ...pop.findings } });
    }
  }, [callSid, serverCallSid, pop, known, live, taskCall, draft, setPop]);

  const dismissed = useRef(new Set<string>());
  const clearPop = useCallback(() => {
    for (const sid of [callSid, pop?.callSid]) if (sid) dismissed.current.add(sid);
    localStorage.removeItem(LAST_CALL);
    desk.clearPop();
  }, [desk.clearPop, callSid, pop?.callSid]);

  const since = firstConnected(live?.callSid, live?.connectedAt);
  const value = useMemo(() => {
    const call = desk.state.status?.call;
    if (!call || !since || call.connectedAt === since) return { ...desk, clearPop, draft };
    const status = desk.state.status && { ...desk.state.status, call: { ...call, connectedAt: since } };
    return { ...desk, state: { ...desk.state, status }, clearPop, draft };
  }, [desk, clearPop, draft, since]);
  return (
    <DeskContext.Provider value={value}>
      {enabled && desk.readOnly && <Elsewhere onTakeOver={desk.takeOver} />}
      {enabled && desk.droppedCall && <Dropped onRejoin={() => void desk.rejoin()} />}
      {children}
    </DeskContext.Provider>
  );
}

function Dropped({ onRejoin }: { onRejoin: () => void }) {
  const { t } = useLang();
  return (
    <p className="toast error" role="alert" data-testid="call-dropped">
      {t('callDropped')}{' '}
      <button type="button" onClick={onRejoin} data-testid="rejoin">
        {t('rejoin')}
      </button>
    </p>
  );
}

function Elsewhere({ onTakeOver }: { onTakeOver: () => void }) {
  const { t } = useLang();
  return (
    <p className="toast" role="status" data-testid="desk-elsewhere">
      {t('deskElsewhere')}{' '}
      <button type="button" onClick={onTakeOver} data-testid="use-here">
        {t('useHere')}
      </button>
    </p>
  );
}

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}
