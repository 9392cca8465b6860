// Reads a Workflow configuration document (docs/twilio-behaviour.md §4.5) into compiled filters and targets, checking
// that every queue exists, so routing never meets a bad document at run time.
import { TwilioRestError } from '../rest-common.js';
import { type CompiledExpression, compileExpression, compileOrderBy, type OrderKey } from './expressions.js';

export interface CompiledTarget {
  readonly queueSid: string;
  readonly expression: CompiledExpression | undefined;
  readonly priority: number | undefined;
  /** Seconds of this target's own timeout. */
  readonly timeout: number | undefined;
  /** Task age (s) at which it leaves this target: target timeouts add up along the list (§4.5). */
  readonly leaveAtAge: number | undefined;
  readonly orderBy: readonly OrderKey[];
  readonly skipIf: CompiledExpression | undefined;
  readonly knownWorkerSid: string | undefined;
  readonly knownWorkerFriendlyName: string | undefined;
}

export interface CompiledFilter {
  readonly name: string;
  readonly expression: CompiledExpression;
  readonly targets: readonly CompiledTarget[];
}

export interface CompiledWorkflow {
  readonly filters: readonly CompiledFilter[];
  readonly defaultTargets: readonly CompiledTarget[];
  /** Every queue the document names, to refuse deleting a queue still in use. */
  readonly queueSids: ReadonlySet<string>;
}

function invalid(message: string): TwilioRestError {
  return new TwilioRestError(400, 20001, `Invalid workflow configuration: ${message}`);
}

function optionalString(raw: Record<string, unknown>, key: string): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(`${key} must be a string`);
  return v;
}

function optionalNumber(raw: Record<string, unknown>, key: string): number | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
    throw invalid(`${key} must be a non-negative number`);
  return n;
}

function compileTargets(raw: unknown, where: string, hasQueue: (sid: string) => boolean): CompiledTarget[] {
  if (!Array.isArray(raw)) throw invalid(`${where}.targets must be a list`);
  let age = 0;
  let open = false;
  return raw.map((t, i) => {
    if (t === null || typeof t !== 'object') throw invalid(`${where}.targets[${i}] must be an object`);
    const target = t as Record<string, unknown>;
    const queueSid = optionalString(target, 'queue');
    if (!queueSid) throw invalid(`${where}.targets[${i}].queue is required`);
    if (!hasQueue(queueSid)) throw invalid(`${where}.targets[${i}].queue ${queueSid} is not a TaskQueue`);
    const timeout = optionalNumber(target, 'timeout');
    // A target without a timeout holds the task, so later deadlines are never reached.
    if (timeout === undefined) open = true;
    else age += timeout;
    const expression = optionalString(target, 'expression');
    const skipIf = optionalString(target, 'skip_if');
    const orderBy = optionalString(target, 'order_by');
    return {
      queueSid,
      expression: expression ? compileExpression(expression, 'target expression') : undefined,
      priority: optionalNumber(target, 'priority'),
      timeout,
      leaveAtAge: open ? undefined : age,
      orderBy: orderBy ? compileOrderBy(orderBy) : [],
      skipIf: skipIf ? compileExpression(skipIf, 'skip_if') : undefined,
      knownWorkerSid: optionalString(target, 'known_worker_sid'),
      knownWorkerFriendlyName: optionalString(target, 'known_worker_friendly_name'),
    };
  });
}

export function compileWorkflowConfig(json: string, hasQueue: (sid: string) => boolean): CompiledWorkflow {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw invalid('not valid JSON');
  }
  const routing = (doc as { task_routing?: unknown } | null)?.task_routing;
  if (routing === null || typeof routing !== 'object') throw invalid('task_routing is required');
  const { filters = [], default_filter } = routing as { filters?: unknown; default_filter?: unknown };
  if (!Array.isArray(filters)) throw invalid('task_routing.filters must be a list');
  const compiled = filters.map((f, i): CompiledFilter => {
    if (f === null || typeof f !== 'object') throw invalid(`filters[${i}] must be an object`);
    const raw = f as Record<string, unknown>;
    const expression = optionalString(raw, 'expression');
    if (!expression) throw invalid(`filters[${i}].expression is required`);
    return {
      name: optionalString(raw, 'filter_friendly_name') ?? `filter ${i}`,
      expression: compileExpression(expression, 'filter expression'),
      targets: compileTargets(raw.targets, `filters[${i}]`, hasQueue),
    };
  });
  const defaultTargets =
    default_filter === undefined || default_filter === null
      ? []
      : compileTargets([default_filter], 'default_filter', hasQueue);
  const queueSids = new Set<string>();
  for (const t of [...compiled.flatMap((f) => f.targets), ...defaultTargets]) queueSids.add(t.queueSid);
  return { filters: compiled, defaultTargets, queueSids };
}
