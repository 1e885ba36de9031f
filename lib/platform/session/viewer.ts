/** Who is looking at a page or calling an action; decided on the server from the session. */
export type Viewer =
  | { role: 'staff'; name: string }
  | { role: 'customer'; customerId: string; name: string }
  | { role: 'salesman'; salesmanId: string; name: string };
