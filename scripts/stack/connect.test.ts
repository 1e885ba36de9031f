import { describe, expect, it } from 'vitest';
import { storageTopics, workerProperties } from './connect';

const parse = (props: string) => Object.fromEntries(props.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('workerProperties', () => {
  const p = parse(workerProperties({ port: 19094, brokers: '127.0.0.1:19092', groupId: 'switchboard-connect', topicPrefix: 'e2e-x.' }));

  it('serves REST on loopback at the given port and reads the given brokers', () => {
    expect(p).toMatchObject({ 'bootstrap.servers': '127.0.0.1:19092', listeners: 'http://127.0.0.1:19094', 'rest.advertised.port': '19094' });
  });

  it('writes plain JSON keys and values (no schema envelope)', () => {
    expect(p).toMatchObject({
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'key.converter.schemas.enable': 'false', 'value.converter.schemas.enable': 'false',
    });
  });

  it('keeps its group and storage topics apart per stack prefix, with replication factor 1 for the single broker', () => {
    expect(p).toMatchObject({
      'group.id': 'e2e-x.switchboard-connect',
      'config.storage.topic': 'e2e-x.switchboard-connect.configs', 'offset.storage.topic': 'e2e-x.switchboard-connect.offsets',
      'status.storage.topic': 'e2e-x.switchboard-connect.status',
      'config.storage.replication.factor': '1', 'offset.storage.replication.factor': '1', 'status.storage.replication.factor': '1',
    });
    expect(storageTopics('switchboard-connect').group).toBe('switchboard-connect');
    expect(storageTopics('switchboard-connect', 'a.').configs).not.toBe(storageTopics('switchboard-connect', 'b.').configs);
  });

  it('gives a lone restarted worker its connectors back at once, and lets connectors create topics', () => {
    expect(p).toMatchObject({ 'scheduled.rebalance.max.delay.ms': '0', 'topic.creation.enable': 'true' });
  });
});
