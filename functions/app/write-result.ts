// Turns a store WriteResult into the value or the named refusal: 404, 409 with the current record
// (stale version), or 409 naming the duplicate key.
import type { WriteResult } from '../domain/ports.js';
import { ConflictError, DuplicateError, NotFoundError } from '../domain/problems.js';

export function unwrap<T, C = T>(
  result: WriteResult<T>,
  what: string,
  id: string,
  present: (current: T) => C = (current) => current as unknown as C,
): T {
  if (result.ok) return result.value;
  switch (result.reason) {
    case 'not-found':
      throw new NotFoundError(what, id);
    case 'conflict':
      throw new ConflictError(
        `The ${what} "${id}" was changed by someone else; here is the current version.`,
        {
          current: present(result.current),
        },
      );
    case 'duplicate':
      throw new DuplicateError(what, result.field, result.value);
  }
}
