// The gate of every admin page: anyone else at its path is told it is for admins (the server refuses
// them the data anyway; this says why the page is empty).
import type { ReactNode } from 'react';
import type { Me } from '../api.js';
import { useAdminText } from './use-admin-text.js';

export function AdminsOnly({ me, message, children }: { me: Me; message?: string; children: ReactNode }) {
  const a = useAdminText();
  if (me.roles.includes('admin')) return children;
  return (
    <p className="notice" data-testid="admins-only">
      {message ?? a('adminOnly')}
    </p>
  );
}
