// Everyone a ticket can be handed to, read once per page, and a way to show a user id as a name.
import { useEffect, useState } from 'react';
import { type Assignee, ticketsApi } from './tickets-api.js';

export function usePeople(): { people: readonly Assignee[]; nameOf: (id: string) => string } {
  const [people, setPeople] = useState<readonly Assignee[]>([]);
  useEffect(() => {
    let live = true;
    // Without the list the pages still work: ids show instead of names.
    ticketsApi.assignees().then(
      (r) => live && setPeople(r.items),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.name} (${id})` : id;
  };
  return { people, nameOf };
}
