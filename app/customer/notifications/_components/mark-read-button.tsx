'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect } from 'react';
import { markRead } from '@/app/actions/notifications';
import type { FormState } from '@/app/actions/form-state';

/** One button, one form: "Mark read" for a notification, or "Mark all read" without an id. */
export function MarkReadButton({ notificationId, label }: { notificationId?: string; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(markRead, {});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  }, [state, queryClient]);
  return (
    <form action={action}>
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <button type="submit" className="secondary small" disabled={pending} aria-label={label}>
        {pending ? 'Saving…' : notificationId ? 'Mark read' : 'Mark all read'}
      </button>
      {state.ok === false && <p className="field-error" role="alert">{state.message}</p>}
    </form>
  );
}
