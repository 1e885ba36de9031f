import { connectorNameFor, connectorStatus, type ConnectorStatus } from '@/lib/identity/cdc/connector';
import { config } from '@/lib/platform/config';

/**
 * The CDC connector of this product's database (the one `npm start` registers: its name derives from the database),
 * asked of the Kafka Connect at CONNECT_URL; null when no Connect is configured (e.g. `npm run dev` without it).
 */
export async function cdcConnector(): Promise<ConnectorStatus | null> {
  const connectUrl = process.env.CONNECT_URL;
  if (!connectUrl) return null;
  const { DATABASE_URL } = config();
  return connectorStatus(connectUrl, connectorNameFor(DATABASE_URL), DATABASE_URL);
}
