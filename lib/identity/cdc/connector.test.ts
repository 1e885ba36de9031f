import { describe, expect, it } from 'vitest';
import { topicsFor } from '../../platform/events/topics';
import { connectorConfig, connectorNameFor, heartbeatTopic, isTransientAnswer, parseDatabaseUrl, slotNameFor } from './connector';

describe('parseDatabaseUrl', () => {
  it('takes the connection fields Debezium needs, decoding user and password', () => {
    expect(parseDatabaseUrl('postgresql://postgres:p%40ss%3Aw@127.0.0.1:54329/switchboard?schema=public')).toEqual({
      host: '127.0.0.1', port: 54329, user: 'postgres', password: 'p@ss:w', dbname: 'switchboard',
    });
  });

  it('defaults the port to 5432 and accepts postgres:// and IPv6 hosts', () => {
    expect(parseDatabaseUrl('postgres://u:x@[::1]/d')).toMatchObject({ host: '::1', port: 5432, dbname: 'd' });
  });

  it.each([
    ['mysql://u:p@h/d', /postgresql/],
    ['postgresql://u:p@h:5432/', /names no database/],
    ['not a url', /not a database URL/],
  ])('refuses %s', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('does not print the password of a URL it cannot parse', () => {
    expect(() => parseDatabaseUrl('postgresql://u:secret@h:notaport/d')).toThrow(/^(?!.*secret)/);
  });
});

describe('slotNameFor', () => {
  it('is a valid PostgreSQL slot name derived from the database name', () => {
    expect(slotNameFor('switchboard')).toBe('cdc_switchboard');
    expect(slotNameFor('switchboard_it')).toBe('cdc_switchboard_it');
    expect(slotNameFor('Switch-Board.e2e')).toBe('cdc_switch_board_e2e');
  });

  it('keeps long names within 63 bytes and apart', () => {
    const a = slotNameFor(`${'x'.repeat(70)}_a`);
    const b = slotNameFor(`${'x'.repeat(70)}_b`);
    expect(a).toMatch(/^[a-z0-9_]{1,63}$/);
    expect(a).not.toBe(b);
    expect(slotNameFor(`${'x'.repeat(70)}_a`)).toBe(a); // stable: the next start must find the same slot
  });
});

describe('connectorConfig', () => {
  const config = connectorConfig({ databaseUrl: 'postgresql://postgres:pw@127.0.0.1:54339/switchboard_it', topicPrefix: 'it-abc.', name: 'switchboard-cdc-switchboard_it' });

  it("writes to the topics lib/platform/events/topics.ts declares: <cdcPrefix>.<schema>.<table>", () => {
    const t = topicsFor('it-abc.');
    expect(config['topic.prefix']).toBe(t.cdcPrefix);
    expect(`${config['topic.prefix']}.cx.contact`).toBe(t.cdcCxContact);
    expect(`${config['topic.prefix']}.di.customer`).toBe(t.cdcDiCustomer);
    expect(`${config['topic.prefix']}.di.consultation_contact`).toBe(t.cdcDiConsultationContact);
    expect(`${config['topic.prefix']}.om.users`).toBe(t.cdcOmUsers);
    expect(heartbeatTopic('it-abc.')).toBe('__debezium-heartbeat.it-abc.cdc');
  });

  it('is the pgoutput PostgreSQL connector over the three source schemas, with a slot and publication of its own', () => {
    expect(config).toMatchObject({
      name: 'switchboard-cdc-switchboard_it',
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'plugin.name': 'pgoutput',
      'database.hostname': '127.0.0.1', 'database.port': '54339', 'database.user': 'postgres', 'database.password': 'pw',
      'database.dbname': 'switchboard_it',
      'schema.include.list': 'di,om,cx',
      'slot.name': 'cdc_switchboard_it',
      'publication.name': 'cdc_switchboard_it',
      'publication.autocreate.mode': 'filtered',
      'snapshot.mode': 'when_needed',
      'decimal.handling.mode': 'string',
    });
    expect(Number(config['heartbeat.interval.ms'])).toBeGreaterThan(0);
    // the broker does not auto-create topics: Connect must be able to create the heartbeat topic
    expect(config['topic.creation.default.replication.factor']).toBe('1');
    expect(Number(config['topic.creation.default.partitions'])).toBeGreaterThan(0);
  });

  it('has only string values (Connect returns them so; ensureConnector compares them to decide whether to write)', () => {
    expect(Object.values(config).every((v) => typeof v === 'string')).toBe(true);
  });

  it('names connectors per database', () => {
    expect(connectorNameFor('postgresql://postgres:pw@127.0.0.1:54329/switchboard')).toBe('switchboard-cdc-switchboard');
  });
});

describe('isTransientAnswer', () => {
  it('retries while Connect starts or rebalances, not on answers about the connector itself', () => {
    expect(isTransientAnswer(404, undefined)).toBe(true); // Jetty's HTML 404 before the REST resources exist
    expect(isTransientAnswer(409, { error_code: 409 })).toBe(true);
    expect(isTransientAnswer(500, { message: 'Request timed out' })).toBe(true);
    expect(isTransientAnswer(404, { error_code: 404, message: 'Connector x not found' })).toBe(false);
    expect(isTransientAnswer(400, { error_code: 400 })).toBe(false);
    expect(isTransientAnswer(200, {})).toBe(false);
  });
});
