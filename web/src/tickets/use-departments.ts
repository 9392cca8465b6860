// The departments a ticket can be handed to, read once per page.
import { useEffect, useState } from 'react';
import { type Department, ticketsApi } from './tickets-api.js';

export function useDepartments(): readonly Department[] {
  const [departments, setDepartments] = useState<readonly Department[]>([]);
  useEffect(() => {
    let live = true;
    // Without the list the pages still work: the department's id shows instead of its name.
    ticketsApi.departments().then(
      (r) => live && setDepartments(r.items),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return departments;
}
