// Which scripts a user is offered: those of the hotlines they answer (a hotline whose queues match one of
// their skills), and the ones for every hotline; supervisors and admins are offered all of them.
import { isLead, type Role } from '../model.js';
import type { Script } from './types.js';

export interface ScriptSummary {
  readonly name: string;
  readonly hotline: string;
  readonly queues: readonly string[];
  readonly titles: Script['titles'];
  readonly ticketType?: Script['ticketType'];
}

export function summaryOf(script: Script): ScriptSummary {
  return {
    name: script.name,
    hotline: script.hotline,
    queues: script.queues ?? [],
    titles: script.titles,
    ...(script.ticketType ? { ticketType: script.ticketType } : {}),
  };
}

/** The hotlines (flow names) a user answers, given the queues each hotline's calls wait in. */
export function hotlinesOfUser(
  user: { readonly roles: readonly Role[]; readonly skills: readonly string[] },
  queuesByHotline: Readonly<Record<string, readonly string[]>>,
): readonly string[] {
  const all = Object.keys(queuesByHotline);
  if (isLead(user.roles)) return all;
  return all.filter((h) => queuesByHotline[h]?.some((q) => user.skills.includes(q)));
}

/** The scripts offered on `hotlines`, their own first and the ones for every hotline after. */
export function scriptsForHotlines(
  scripts: readonly Script[],
  hotlines: readonly string[],
): readonly Script[] {
  return [
    ...scripts.filter((s) => s.hotline !== '*' && hotlines.includes(s.hotline)),
    ...scripts.filter((s) => s.hotline === '*'),
  ];
}
