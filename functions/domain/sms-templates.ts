// SMS templates agents pick on the desk (a claim received, a repair follow-up, a reminder): named, with a
// Chinese and an English text holding variables such as {name} that the desk fills for the customer it
// shows. Kept in the `sms-templates` setting, changed by admins on the console.
import type { HandlerIssue } from './problems.js';
import { smsSize } from './sms-segments.js';

export const SMS_TEMPLATES_SETTING = 'sms-templates';

/**
 * What the desk knows when an agent texts a customer: the customer's name, their latest open claim's
 * number, the agent's own name and the hotline the customer can call back. Each with the longest value
 * it is expected to take, which is what a template's length is checked with.
 */
export const TEMPLATE_VARIABLES = {
  name: 20,
  claimNumber: 15, // CLM-2026-000123
  agentName: 20,
  hotline: 16, // E.164: a plus and at most 15 digits
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

/** A template may take at most this many segments once filled: more is costly and arrives out of order. */
export const MAX_SEGMENTS = 3;
export const MAX_TEMPLATES = 30;

export interface TemplateText {
  readonly zh: string;
  readonly en: string;
}

export interface SmsTemplate {
  readonly id: string;
  readonly name: TemplateText;
  readonly text: TemplateText;
}

export interface SmsTemplatesSetting {
  readonly templates: readonly SmsTemplate[];
}

export const NO_TEMPLATES: SmsTemplatesSetting = { templates: [] };

export type TextProblem =
  | { readonly kind: 'unknown-variable'; readonly variable: string }
  | { readonly kind: 'stray-brace' }
  | { readonly kind: 'too-many-segments'; readonly segments: number };

const VARIABLE = /\{([^{}]*)\}/g;
const isVariable = (name: string): name is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, name);

/** The text with each variable it has a value for filled in; a variable without one stays as written. */
export function fillTemplate(text: string, values: Partial<Record<TemplateVariable, string>>): string {
  return text.replace(VARIABLE, (whole, name: string) =>
    isVariable(name) ? (values[name] ?? whole) : whole,
  );
}

/** The SMS segments a text takes with each variable at its longest expected value. */
export function segmentsAtLongest(text: string): number {
  const longest = text.replace(VARIABLE, (whole, name: string) =>
    isVariable(name) ? 'x'.repeat(TEMPLATE_VARIABLES[name]) : whole,
  );
  return smsSize(longest).segments;
}

/** What is wrong with one text: each unknown variable, a brace that opens or closes none, the length. */
export function textProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const seen = new Set<string>();
  for (const [, name = ''] of text.matchAll(VARIABLE)) {
    if (isVariable(name) || seen.has(name)) continue;
    seen.add(name);
    problems.push({ kind: 'unknown-variable', variable: name });
  }
  if (/[{}]/.test(text.replace(VARIABLE, ''))) problems.push({ kind: 'stray-brace' });
  const segments = segmentsAtLongest(text);
  if (segments > MAX_SEGMENTS) problems.push({ kind: 'too-many-segments', segments });
  return problems;
}

const allowed = VARIABLE_NAMES.map((v) => `{${v}}`).join(', ');

function issueOf(path: string, problem: TextProblem): HandlerIssue {
  switch (problem.kind) {
    case 'unknown-variable':
      return {
        path,
        code: 'unknown-variable',
        message: `{${problem.variable}} is not a variable; allowed: ${allowed}`,
      };
    case 'stray-brace':
      return {
        path,
        code: 'stray-brace',
        message: `has a brace that is not part of a variable (${allowed})`,
      };
    case 'too-many-segments':
      return {
        path,
        code: 'too-many-segments',
        message: `takes ${problem.segments} SMS segments with its variables filled; at most ${MAX_SEGMENTS}`,
      };
  }
}

/** Every problem of the setting, each naming its template's field; empty when it can be saved. */
export function templatesIssues(setting: SmsTemplatesSetting): HandlerIssue[] {
  const issues: HandlerIssue[] = [];
  const seen = new Set<string>();
  setting.templates.forEach((template, i) => {
    const at = `body.templates.${i}`;
    if (seen.has(template.id))
      issues.push({ path: `${at}.id`, code: 'duplicate', message: `"${template.id}" is used twice` });
    seen.add(template.id);
    for (const lang of ['zh', 'en'] as const)
      for (const problem of textProblems(template.text[lang]))
        issues.push(issueOf(`${at}.text.${lang}`, problem));
  });
  return issues;
}
