// Walking a script during a call: the answer to each step checked by its kind, the next step chosen by
// the branches, back to the step before, and at a create-ticket ending the ticket the answers filled.
// Pure: the desk keeps the run in its state and calls these.
import { normalisePlate, normalisePolicyNumber } from '../identifiers.js';
import type { Language } from '../model.js';
import type { Ask, Condition, PolicyCheck, Script, ScriptStep } from './types.js';
import { POLICY_CHECKS, policyStatusField } from './types.js';

export interface ScriptRun {
  /** Step ids taken, the current one last. */
  readonly path: readonly string[];
  /** Every answer given so far, by field (a policy's looked-up status under `<field>Status`). */
  readonly answers: Readonly<Record<string, string>>;
}

export type AnswerProblem =
  | 'required'
  | 'not-an-option'
  | 'not-a-number'
  | 'not-a-date'
  | 'not-a-plate'
  | 'policy-unchecked'
  | 'too-long';

export type Moved =
  | { readonly ok: true; readonly run: ScriptRun }
  | { readonly ok: false; readonly reason: AnswerProblem | 'at-end' };

export function startRun(script: Script): ScriptRun {
  return { path: [script.start], answers: {} };
}

export function currentStep(script: Script, run: ScriptRun): { id: string; step: ScriptStep } {
  const id = run.path[run.path.length - 1] ?? script.start;
  const step = script.steps[id];
  if (!step) throw new Error(`script "${script.name}" has no step "${id}"`);
  return { id, step };
}

/** The answer in its canonical form, or why it cannot be taken. */
export function checkAnswer(
  ask: Ask,
  raw: string,
): { ok: true; value: string } | { ok: false; reason: AnswerProblem } {
  const value = raw.trim();
  if (!value) return ask.required ? { ok: false, reason: 'required' } : { ok: true, value: '' };
  if (value.length > 2000) return { ok: false, reason: 'too-long' };
  switch (ask.kind) {
    case 'choice':
      return ask.options?.some((o) => o.value === value)
        ? { ok: true, value }
        : { ok: false, reason: 'not-an-option' };
    case 'yes-no':
      return value === 'yes' || value === 'no' ? { ok: true, value } : { ok: false, reason: 'not-an-option' };
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) ? { ok: true, value } : { ok: false, reason: 'not-a-number' };
    case 'date':
      return isDate(value) ? { ok: true, value } : { ok: false, reason: 'not-a-date' };
    case 'plate': {
      const plate = normalisePlate(value);
      return /^[\p{Script=Han}A-Z0-9]{5,10}$/u.test(plate)
        ? { ok: true, value: plate }
        : { ok: false, reason: 'not-a-plate' };
    }
    case 'policy':
      return { ok: true, value: normalisePolicyNumber(value) };
    default:
      return { ok: true, value };
  }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export function matches(when: Condition, answers: Readonly<Record<string, string>>): boolean {
  const value = answers[when.field];
  if (value === undefined) return false;
  return when.equals !== undefined ? value === when.equals : (when.in ?? []).includes(value);
}

/** The step after `step` given the answers, or undefined at an ending. */
export function nextOf(step: ScriptStep, answers: Readonly<Record<string, string>>): string | undefined {
  if (step.next === undefined || typeof step.next === 'string') return step.next;
  return step.next.find((b) => !b.when || matches(b.when, answers))?.next;
}

/**
 * Takes the answer to the current step (none when it asks nothing) and moves on. A policy answer comes
 * with the desk's look-up of it, kept under `<field>Status`.
 */
export function advance(script: Script, run: ScriptRun, raw = '', policy?: PolicyCheck): Moved {
  const { step } = currentStep(script, run);
  let answers = run.answers;
  if (step.ask) {
    const checked = checkAnswer(step.ask, raw);
    if (!checked.ok) return checked;
    answers = { ...answers, [step.ask.field]: checked.value };
    if (step.ask.kind === 'policy') {
      if (checked.value && !(policy && POLICY_CHECKS.includes(policy)))
        return { ok: false, reason: 'policy-unchecked' };
      answers = {
        ...answers,
        [policyStatusField(step.ask.field)]: checked.value ? (policy as string) : 'not-found',
      };
    }
  }
  const next = nextOf(step, answers);
  if (next === undefined) return { ok: false, reason: 'at-end' };
  return { ok: true, run: { path: [...run.path, next], answers } };
}

/** One step back; the answers stay, so the agent sees what was typed. */
export function back(run: ScriptRun): ScriptRun {
  return run.path.length > 1 ? { ...run, path: run.path.slice(0, -1) } : run;
}

export interface TicketDraft {
  readonly type: NonNullable<Script['ticketType']>;
  readonly subject: string;
  readonly description?: string;
  readonly policyNumber?: string;
  readonly fields: Readonly<Record<string, string>>;
}

const BASE = new Set(['subject', 'description', 'policyNumber']);

/** The ticket a create-ticket ending files: what the steps on the path record, from their answers. */
export function ticketDraft(script: Script, run: ScriptRun, lang: Language): TicketDraft | undefined {
  if (!script.ticketType) return undefined;
  const filled: Record<string, string> = {};
  for (const id of run.path)
    for (const [ticketField, answer] of Object.entries(script.steps[id]?.record ?? {})) {
      const value = run.answers[answer];
      if (value) filled[ticketField] = value;
    }
  const fields = Object.fromEntries(Object.entries(filled).filter(([k]) => !BASE.has(k)));
  return {
    type: script.ticketType,
    subject: filled.subject ?? script.titles[lang],
    ...(filled.description ? { description: filled.description } : {}),
    ...(filled.policyNumber ? { policyNumber: filled.policyNumber } : {}),
    fields: { ...fields, script: script.name },
  };
}
