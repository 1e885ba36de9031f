import type { ReactNode } from 'react';
import { SettlementTabs } from './_components/settlement-tabs';

/** The settlement desk (seed 004): the worker's read models, payout rules and the merchant registry. */
export default function SettlementLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettlementTabs />
      {children}
    </>
  );
}
