'use client';

import { useActionState } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { savePromotionAction } from '@/app/actions/promotions';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import type { PromotionView } from '@/lib/promotions/catalogue/queries';
import styles from '../promotions.module.css';

const local = (kst: string) => kst.slice(0, 16); // "2026-12-24T09:00:00.000+09:00" -> the datetime-local value

/** Add or edit a promotion (one form, the schema of lib/promotions/catalogue/schemas.ts behind it). Times are Korea time. */
export function PromotionForm({ promotion, categories }: { promotion?: PromotionView; categories: readonly string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(savePromotionAction, {});
  const err = state.ok ? {} : (state.fieldErrors ?? {});
  const v: Record<string, string> = !state.ok && state.values ? state.values : promotion
    ? { name: promotion.name, productIds: promotion.productIds.join(', '), discountRate: String(promotion.discountRate), channel: promotion.channel,
        startsAt: local(promotion.startsAt), endsAt: local(promotion.endsAt), categories: promotion.categories.join(',') }
    : { discountRate: '10', channel: 'BANNER' };
  const chosen = new Set((v.categories ?? '').split(',').filter(Boolean));
  const idp = promotion ? `${promotion.id}-` : 'new-';
  const field = (name: string) => ({ ...fieldAttrs(name, err), id: `f-${idp}${name}`, defaultValue: v[name] ?? '' });
  return (
    <form key={JSON.stringify(v)} action={action} className={styles.form} noValidate aria-label={promotion ? `Edit ${promotion.id}` : 'New promotion'}>
      {promotion && <input type="hidden" name="id" value={promotion.id} />}
      <div className={styles.fields}>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}name`}>Name</label>
          <input {...field('name')} placeholder="연말 감사 세일" autoComplete="off" />
          <FieldError name="name" errors={err.name} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}channel`}>Channel</label>
          <select {...field('channel')}>
            <option value="BANNER">Banner</option>
            <option value="PUSH">Push</option>
            <option value="SEARCH">Search</option>
          </select>
          <FieldError name="channel" errors={err.channel} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}discountRate`}>Discount (%)</label>
          <input {...field('discountRate')} inputMode="numeric" />
          <FieldError name="discountRate" errors={err.discountRate} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}startsAt`}>Starts (Korea time)</label>
          <input {...field('startsAt')} type="datetime-local" />
          <FieldError name="startsAt" errors={err.startsAt} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}endsAt`}>Ends (Korea time)</label>
          <input {...field('endsAt')} type="datetime-local" />
          <FieldError name="endsAt" errors={err.endsAt} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`f-${idp}productIds`}>Products (optional)</label>
          <input {...field('productIds')} placeholder="P0a1b2c3d, P4e5f6a7b" />
          <FieldError name="productIds" errors={err.productIds} />
        </div>
      </div>
      <fieldset className={styles.categories}>
        <legend>Categories featured (none = store-wide)</legend>
        {categories.map((c) => (
          <label key={c}><input type="checkbox" name="categories" value={c} defaultChecked={chosen.has(c)} /> {c}</label>
        ))}
      </fieldset>
      <FieldError name="categories" errors={err.categories} />
      <div className="actions"><button type="submit" disabled={pending}>{promotion ? 'Save' : 'Add promotion'}</button></div>
      <FormNotice state={state} />
    </form>
  );
}
