'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/platform/errors';
import { createProject } from '@/lib/sales/projects/create-project';
import { editProject } from '@/lib/sales/projects/edit-project';
import { endProject } from '@/lib/sales/projects/end-project';
import { startProject } from '@/lib/sales/projects/start-project';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { attempt, type FormState } from './form-state';

const FIELD_LABEL: Record<string, string> = {
  name: 'name', year: 'year', scale: 'budget', target: 'target', host: 'host', summary: 'summary', link: 'link',
  startDate: 'start date', endDate: 'end date', expStartDate: 'expected start',
};

const valuesOf = (formData: FormData) =>
  Object.fromEntries([...formData].filter(([k]) => !k.startsWith('$ACTION')).map(([k, v]) => [k, String(v)]));

function refresh(projectId?: string) {
  revalidatePath('/staff/projects');
  if (projectId) revalidatePath(`/staff/projects/${projectId}`);
}

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const created = { id: '' };
  const state = await attempt(async () => {
    const viewer = await requireViewer('staff');
    const { project } = await createProject({ viewer, input: values });
    created.id = project.projectId;
    refresh();
    return `${project.name} (${project.year}) created.`;
  }, values);
  // Outside attempt(): redirect() works by throwing.
  if (created.id) redirect(`/staff/projects/${created.id}?created=1`);
  return state;
}

export async function editProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  return attempt(async () => {
    const viewer = await requireViewer('staff');
    const { project, changed } = await editProject({ viewer, input: values });
    refresh(project.projectId);
    if (changed.length === 0) return 'Nothing changed, so nothing was saved.';
    return `Saved. Changed: ${changed.map((f) => FIELD_LABEL[f] ?? f).join(', ')}.`;
  }, values);
}

/** Start or End (form field `move`), after the staff member confirmed it. */
export async function moveProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { move, ...values } = valuesOf(formData);
  return attempt(async () => {
    const viewer = await requireViewer('staff');
    if (move === 'start') {
      const { project } = await startProject({ viewer, input: values });
      refresh(project.projectId);
      return `${project.name} (${project.year}) started on ${project.startDate}. Interested customers are being notified.`;
    }
    if (move === 'end') {
      const { project } = await endProject({ viewer, input: values });
      refresh(project.projectId);
      return `${project.name} (${project.year}) ended on ${project.endDate}. Next year's edition appears as a planned project in a few seconds.`;
    }
    throw new AppError('INVALID', 'Choose Start or End.');
  }, values);
}
