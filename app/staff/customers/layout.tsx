import type { ReactNode } from 'react';
import { CustomerTabs } from './_components/customer-tabs';

/** Customer 360 (seed 000): unified customers of the sales desk (DI), the shop (OM) and the support desk (CX). */
export default function CustomersLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CustomerTabs />
      {children}
    </>
  );
}
