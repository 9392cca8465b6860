// The script validator (tests and `npm run flows:check`): steps that do not exist or cannot be reached,
// steps that lead to no ending, branches on answers not yet asked, ticket fields the ticket type does not
// have or a filed ticket would lack, and texts missing a language; each problem names the script, the
// step and what is wrong.
import { LANGUAGES, TICKET_TYPES } from '../model.js';
import { knownAfter, leadingToAnEnd, reachable, targetsOf } from './graph.js';
import { requiredTicketFieldsOf, ticketFieldsOf } from './ticket-fields.js';
import {
  ASK_KINDS,
  type Ask,
  type Bilingual,
  type Condition,
  POLICY_CHECKS,
  policyStatusField,
  SCRIPT_ENDS,
  type Script,
} from './types.js';

export const SCRIPT_PROBLEMS = [
  'bad-name',
  'missing-language',
  'unknown-hotline',
  'unknown-queue',
  'unknown-step',
  'unreachable',
  'no-ending',
  'bad-ask',
  'bad-branch',
  'field-not-asked',
  'unknown-value',
  'unknown-ticket-field',
  'missing-ticket-field',
  'bad-ending',
] as const;
export type ScriptProblemCode = (typeof SCRIPT_PROBLEMS)[number];

export interface ScriptProblem {
  readonly file: string;
  readonly script: string;
  /** The step at fault; absent for the script's own fields. */
  readonly step?: string;
  /** Dotted path inside the script, e.g. `steps.policy.next.0.when.field`. */
  readonly path: string;
  readonly code: ScriptProblemCode;
  readonly message: string;
}

export interface ScriptContext {
  readonly file: string;
  /** Flow (hotline) names; `*` is always allowed. */
  readonly hotlines: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

export function validateScript(script: Script, ctx: ScriptContext): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const at = (step: string | undefined, path: string, code: ScriptProblemCode, message: string) =>
    problems.push({
      file: ctx.file,
      script: script.name,
      ...(step === undefined ? {} : { step }),
      path,
      code,
      message: `script "${script.name}"${step === undefined ? '' : `, step "${step}"`}: ${message}`,
    });
  const text = (step: string | undefined, path: string, t: Bilingual | undefined) => {
    for (const lang of LANGUAGES)
      if (!t?.[lang]?.trim()) at(step, `${path}.${lang}`, 'missing-language', `missing the ${lang} text`);
  };

  if (!NAME.test(script.name)) at(undefined, 'name', 'bad-name', 'lower-case letters, digits and hyphens');
  text(undefined, 'titles', script.titles);
  for (const [i, p] of script.phrases.entries()) text(undefined, `phrases.${i}`, p);
  if (script.hotline !== '*' && !ctx.hotlines.has(script.hotline))
    at(undefined, 'hotline', 'unknown-hotline', `unknown hotline "${script.hotline}"`);
  for (const q of script.queues ?? [])
    if (!ctx.queues.has(q)) at(undefined, 'queues', 'unknown-queue', `unknown queue "${q}"`);
  if (script.ticketType && !TICKET_TYPES.includes(script.ticketType))
    at(undefined, 'ticketType', 'unknown-ticket-field', `unknown ticket type "${script.ticketType}"`);
  if (!script.steps[script.start]) at(undefined, 'start', 'unknown-step', `unknown step "${script.start}"`);

  const asks = new Map<string, Ask>();
  for (const step of Object.values(script.steps)) if (step.ask) asks.set(step.ask.field, step.ask);
  const live = reachable(script);
  const ending = leadingToAnEnd(script);
  const known = knownAfter(script);
  const ticketFields = new Set(script.ticketType ? ticketFieldsOf(script.ticketType) : []);

  for (const [id, step] of Object.entries(script.steps)) {
    const base = `steps.${id}`;
    text(id, `${base}.say`, step.say);
    if (step.ask) checkAsk(id, `${base}.ask`, step.ask);
    for (const [path, target] of targetsOf(step))
      if (!script.steps[target])
        at(id, `${base}.${path}`, 'unknown-step', `goes to unknown step "${target}"`);
    if (!live.has(id)) at(id, base, 'unreachable', `unreachable from the start "${script.start}"`);
    else if (!ending.has(id)) at(id, base, 'no-ending', 'no ending can be reached from here');
    if (step.end && !SCRIPT_ENDS.includes(step.end))
      at(id, `${base}.end`, 'bad-ending', `unknown ending "${step.end}"`);
    if (step.end && step.next !== undefined)
      at(id, `${base}.next`, 'bad-ending', 'an ending goes nowhere next');
    if (!step.end && step.next === undefined) at(id, base, 'bad-ending', 'neither a next step nor an ending');
    if (step.end === 'create-ticket' && !script.ticketType)
      at(id, `${base}.end`, 'bad-ending', 'creates a ticket but the script has no ticketType');
    const after = known.get(id);
    if (Array.isArray(step.next)) {
      step.next.forEach((b, i) => {
        const last = i === (step.next as unknown[]).length - 1;
        if (last && b.when)
          at(id, `${base}.next.${i}`, 'bad-branch', 'the last branch must have no condition');
        if (!last && !b.when)
          at(id, `${base}.next.${i}`, 'bad-branch', 'only the last branch may be unconditional');
        if (b.when) checkCondition(id, `${base}.next.${i}.when`, b.when, after?.asked);
      });
    }
    for (const [ticketField, answer] of Object.entries(step.record ?? {})) {
      const path = `${base}.record.${ticketField}`;
      if (!script.ticketType)
        at(id, path, 'unknown-ticket-field', 'records into a ticket but the script has no ticketType');
      else if (!ticketFields.has(ticketField))
        at(id, path, 'unknown-ticket-field', `a ${script.ticketType} ticket has no field "${ticketField}"`);
      if (after && !after.asked.has(answer))
        at(id, path, 'field-not-asked', `records "${answer}", which is not asked on every way here`);
    }
    if (step.end === 'create-ticket' && script.ticketType && after)
      for (const need of requiredTicketFieldsOf(script.ticketType))
        if (!after.recorded.has(need))
          at(
            id,
            `${base}.record`,
            'missing-ticket-field',
            `the ${script.ticketType} ticket may lack "${need}"`,
          );
  }
  return problems;

  function checkAsk(id: string, path: string, ask: Ask) {
    if (!FIELD.test(ask.field))
      at(id, `${path}.field`, 'bad-ask', 'a field is letters and digits, from a letter');
    if (!ASK_KINDS.includes(ask.kind)) at(id, `${path}.kind`, 'bad-ask', `unknown kind "${ask.kind}"`);
    if (ask.kind === 'choice') {
      const options = ask.options ?? [];
      if (options.length < 2) at(id, `${path}.options`, 'bad-ask', 'a choice needs two options or more');
      const values = new Set<string>();
      options.forEach((o, i) => {
        if (values.has(o.value)) at(id, `${path}.options.${i}`, 'bad-ask', `"${o.value}" is listed twice`);
        values.add(o.value);
        text(id, `${path}.options.${i}.label`, o.label);
      });
    } else if (ask.options) at(id, `${path}.options`, 'bad-ask', `a ${ask.kind} ask takes no options`);
    const other = asks.get(ask.field);
    if (other && other.kind !== ask.kind)
      at(id, `${path}.kind`, 'bad-ask', `"${ask.field}" is asked elsewhere as ${other.kind}`);
  }

  function checkCondition(id: string, path: string, when: Condition, asked: ReadonlySet<string> | undefined) {
    if ((when.equals === undefined) === (when.in === undefined))
      at(id, path, 'bad-branch', 'a condition has exactly one of equals and in');
    if (asked && !asked.has(when.field))
      at(
        id,
        `${path}.field`,
        'field-not-asked',
        `branches on "${when.field}", which is not asked on every way here`,
      );
    const allowed = valuesOf(when.field);
    if (!allowed) return;
    for (const v of [...(when.equals === undefined ? [] : [when.equals]), ...(when.in ?? [])])
      if (!allowed.includes(v))
        at(
          id,
          `${path}`,
          'unknown-value',
          `"${when.field}" is never "${v}" (it is one of ${allowed.join(', ')})`,
        );
  }

  /** The answers a field can take, when they are a closed set. */
  function valuesOf(field: string): readonly string[] | undefined {
    for (const ask of asks.values()) {
      if (ask.kind === 'policy' && policyStatusField(ask.field) === field) return POLICY_CHECKS;
      if (ask.field !== field) continue;
      if (ask.kind === 'yes-no') return ['yes', 'no'];
      if (ask.kind === 'choice') return (ask.options ?? []).map((o) => o.value);
    }
    return undefined;
  }
}
