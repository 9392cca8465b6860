// Phone numbers typed by a person, turned into E.164 before they are stored or compared: a number is a
// key (customers are found by it, callbacks dial it), so a bad one is refused naming the entry at fault.
import { normalisePhone } from '../domain/phone.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';

/** Every entry in E.164, duplicates dropped (two spellings of one number are one number). */
export function normalisePhones(raw: readonly string[], region: string, path: string): string[] {
  const issues: HandlerIssue[] = [];
  const out: string[] = [];
  raw.forEach((value, i) => {
    const result = normalisePhone(value, region);
    if (result.ok) {
      if (!out.includes(result.e164)) out.push(result.e164);
    } else
      issues.push({
        path: `${path}.${i}`,
        code: 'invalid-phone',
        message: `"${value}" is not a valid phone number`,
      });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return out;
}

export function normaliseOnePhone(raw: string, region: string, path: string): string {
  const result = normalisePhone(raw, region);
  if (!result.ok)
    throw new ValidationError([
      { path, code: 'invalid-phone', message: `"${raw}" is not a valid phone number` },
    ]);
  return result.e164;
}
