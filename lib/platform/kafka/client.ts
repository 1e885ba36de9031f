import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { config } from '../config';

// kafkajs logs every retry at ERROR and is noisy during broker start-up; keep
// warnings and errors, one line each, prefixed with the client id.
const logCreator = () => ({ namespace, level, log }: LogEntry) => {
  if (level > logLevel.WARN) return;
  const { message, error } = log;
  console.error(`[kafka ${namespace}] ${message}${error ? `: ${error}` : ''}`);
};

export function createKafka(clientId = config().KAFKA_CLIENT_ID, brokers = config().KAFKA_BROKERS): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: process.env.KAFKA_LOG === 'debug' ? logLevel.DEBUG : logLevel.ERROR,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
