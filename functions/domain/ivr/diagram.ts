// A Mermaid flowchart of a flow for admins (npm run flows:diagram): one node per state, labelled with
// its kind and first prompt, one edge per transition labelled with the key, outcome or condition.

import type { Flow, FlowState } from './types.js';
import { targetsOf } from './validate.js';

const SHAPES: Record<FlowState['kind'], [string, string]> = {
  say: ['[', ']'],
  language: ['{{', '}}'],
  menu: ['{{', '}}'],
  input: ['[/', '/]'],
  lookup: ['[(', ')]'],
  branch: ['{', '}'],
  ticket: ['[[', ']]'],
  sms: ['>', ']'],
  queue: ['([', '])'],
  voicemail: ['([', '])'],
  hangup: ['((', '))'],
  answer: ['[', ']'],
};

function escapeLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[[\]{}()<>|]/g, ' ');
}

function label(name: string, state: FlowState, flow: Flow): string {
  const lang = flow.defaultLanguage;
  const text =
    state.kind === 'say'
      ? state.say[lang]
      : state.kind === 'menu' || state.kind === 'input' || state.kind === 'language'
        ? state.prompt[lang]
        : state.kind === 'lookup'
          ? `lookup ${state.lookup}${state.from ? ` from ${state.from}` : ''}`
          : state.kind === 'ticket'
            ? `${state.type} ticket, ${state.priority}`
            : state.kind === 'queue'
              ? `queue ${state.queue}${state.priority ? `, priority ${state.priority}` : ''}`
              : state.kind === 'voicemail'
                ? `voicemail to ${state.queue}`
                : state.kind === 'sms'
                  ? `SMS: ${state.text[lang] ?? ''}`
                  : state.kind === 'hangup'
                    ? (state.say?.[lang] ?? 'hang up')
                    : state.kind === 'answer'
                      ? `read article ${state.article[lang] ?? Object.values(state.article)[0] ?? ''}`
                      : `${Object.keys(state.when)[0]}`;
  const short = (text ?? '').length > 60 ? `${(text ?? '').slice(0, 57)}...` : (text ?? '');
  return `"${escapeLabel(name)} (${state.kind})<br/>${escapeLabel(short)}"`;
}

export function flowDiagram(flow: Flow): string {
  const id = (name: string) => `s_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = ['flowchart TD', `  start((call)) --> ${id(flow.start)}`];
  for (const [name, state] of Object.entries(flow.states)) {
    const [open, close] = SHAPES[state.kind];
    lines.push(`  ${id(name)}${open}${label(name, state, flow)}${close}`);
  }
  for (const [name, state] of Object.entries(flow.states)) {
    for (const [path, target] of targetsOf(state)) {
      const edge = path.startsWith('options.') ? path.slice('options.'.length) : path;
      lines.push(`  ${id(name)} -->|${escapeLabel(edge)}| ${id(target)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
