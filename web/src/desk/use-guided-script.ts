// The state of the Script panel: the scripts offered for this call (the call's hotline first), the one
// picked (by the IVR queue the caller chose, else the hotline's first), the walk through it, the policy
// look-ups a policy step needs, the notes, and filing the ticket a create-ticket ending describes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScriptSummary } from '../../../functions/domain/scripts/catalogue.js';
import type { PolicyCheck, Script } from '../../../functions/domain/scripts/types.js';
import {
  type AnswerProblem,
  advance,
  back,
  currentStep,
  type ScriptRun,
  startRun,
  ticketDraft,
} from '../../../functions/domain/scripts/walk.js';
import { api, type CustomerView, call, type Policy, type Ticket } from '../api.js';
import { useErrorText } from '../errors.js';
import type { Lang } from '../lang.js';
import type { PopContext } from './use-agent-desk.js';

export type { ScriptSummary };

const loadScripts = (hotline?: string) =>
  call<{ items: ScriptSummary[] }>(
    'GET',
    `/scripts${hotline ? `?hotline=${encodeURIComponent(hotline)}` : ''}`,
  );
const loadScript = (name: string) => call<Script>('GET', `/scripts/${encodeURIComponent(name)}`);

/** The script for a call: one of its hotline for the queue the caller chose, else the hotline's first. */
export function pickScript(
  offered: readonly ScriptSummary[],
  call: { hotline?: string | undefined; queue?: string | undefined },
): string | undefined {
  const ofLine = offered.filter((s) => s.hotline === call.hotline);
  const byQueue = (list: readonly ScriptSummary[]) =>
    call.queue ? list.find((s) => s.queues.includes(call.queue as string)) : undefined;
  return (byQueue(ofLine) ?? ofLine[0] ?? byQueue(offered))?.name;
}

export function useGuidedScript(pop: PopContext, customerCallSid: string | undefined, lang: Lang) {
  const hotline = pop.findings.intent;
  const [offered, setOffered] = useState<ScriptSummary[]>([]);
  const [name, setName] = useState<string>();
  const [script, setScript] = useState<Script>();
  const [run, setRun] = useState<ScriptRun>();
  const [view, setView] = useState<CustomerView | null>(null);
  const [policies, setPolicies] = useState<Record<string, Policy>>({});
  const [notes, setNotes] = useState('');
  const { errorText } = useErrorText();
  const [problem, setProblem] = useState<AnswerProblem>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<{ ticket: Ticket; existing: boolean }>();
  /** Notes added to the filed ticket so far. */
  const [noted, setNoted] = useState(0);
  const { customerId, from, queue, scriptId } = pop.findings;

  // biome-ignore lint/correctness/useExhaustiveDependencies: errorText follows the language; a switch must not reload.
  useEffect(() => {
    let alive = true;
    void Promise.all([loadScripts(), hotline ? loadScripts(hotline) : { items: [] }]).then(
      ([mine, line]) => {
        if (!alive) return;
        const all = [...line.items, ...mine.items.filter((s) => !line.items.some((l) => l.name === s.name))];
        setOffered(all);
        // A campaign names its script; a call of the center's own lines takes its line's.
        setName(
          scriptId && all.some((s) => s.name === scriptId) ? scriptId : pickScript(all, { hotline, queue }),
        );
      },
      (err: unknown) => alive && setError(errorText(err)),
    );
    return () => {
      alive = false;
    };
  }, [hotline, queue, scriptId]);

  useEffect(() => {
    let alive = true;
    (async () => {
      const id = customerId ?? (from ? (await api.customerByPhone(from)).items[0]?.id : undefined);
      const found = id ? await api.customer(id) : null;
      if (alive) setView(found);
    })().catch(() => alive && setView(null));
    return () => {
      alive = false;
    };
  }, [customerId, from]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: errorText follows the language; a switch must not restart.
  useEffect(() => {
    let alive = true;
    setScript(undefined);
    setRun(undefined);
    setFiled(undefined);
    setProblem(undefined);
    setError(undefined);
    if (name)
      void loadScript(name).then(
        (s) => {
          if (!alive) return;
          setScript(s);
          setRun(startRun(s));
        },
        (err: unknown) => alive && setError(errorText(err)),
      );
    return () => {
      alive = false;
    };
  }, [name]);

  /** A policy as the desk knows it: on the caller's record, else found by searching its number. */
  const lookUpPolicy = useCallback(
    async (number: string): Promise<Policy | undefined> => {
      const own = view?.policies.find((p) => p.number === number);
      if (own) return own;
      const holder = (await api.searchCustomers(number)).items[0];
      return holder ? (await api.customer(holder.id)).policies.find((p) => p.number === number) : undefined;
    },
    [view],
  );

  const next = async (raw: string) => {
    if (!script || !run) return;
    setProblem(undefined);
    setError(undefined);
    const { step } = currentStep(script, run);
    let check: PolicyCheck | undefined;
    const number = raw.replace(/\s/g, '').toUpperCase();
    if (step.ask?.kind === 'policy' && number) {
      setBusy(true);
      try {
        const policy = await lookUpPolicy(number);
        check = policy?.status ?? 'not-found';
        if (policy) setPolicies((all) => ({ ...all, [policy.number]: policy }));
      } catch (err) {
        setError(errorText(err));
        return;
      } finally {
        setBusy(false);
      }
    }
    const moved = advance(script, run, raw, check);
    if (moved.ok) setRun(moved.run);
    else if (moved.reason !== 'at-end') setProblem(moved.reason);
  };

  const draft = useMemo(
    () => (script && run ? ticketDraft(script, run, lang) : undefined),
    [script, run, lang],
  );

  const createTicket = async (requestKey: string) => {
    if (!draft) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const policy = draft.policyNumber ? policies[draft.policyNumber] : undefined;
      const callSid = customerCallSid ?? pop.callSid;
      const description = notes.trim();
      const result = await api.createTicket(
        {
          type: draft.type,
          subject: draft.subject.slice(0, 200),
          ...(view ? { customerId: view.customer.id } : {}),
          ...(description ? { description } : {}),
          ...(draft.policyNumber ? { policyNumber: draft.policyNumber } : {}),
          ...(policy?.vehicleId ? { assetId: policy.vehicleId } : {}),
          ...(callSid && /^CA[0-9a-f]{32}$/.test(callSid) ? { callSids: [callSid] } : {}),
          fields: draft.fields,
          priority: draft.type === 'rescue' ? 'urgent' : 'normal',
        },
        requestKey,
      );
      setFiled(result);
      // The notes are in the ticket now; what is typed next is added to it as notes.
      if (!result.existing) setNotes('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  /** Adds the notes typed since to the ticket this panel filed. */
  const addNote = async () => {
    const text = notes.trim();
    if (!filed || !text) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.addTicketNote(filed.ticket.number, text);
      setNotes('');
      setNoted((n) => n + 1);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return {
    offered,
    name,
    choose: setName,
    script,
    run,
    current: script && run ? currentStep(script, run) : undefined,
    view,
    next,
    back: () => run && setRun(back(run)),
    restart: () => script && setRun(startRun(script)),
    notes,
    setNotes,
    problem,
    error,
    busy,
    draft,
    createTicket,
    filed,
    addNote,
    noted,
  };
}
