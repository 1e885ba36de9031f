// Single-node Apache Kafka 3.9 in KRaft mode (broker + controller in one JVM), data and logs in dataDir.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ensureKafkaJars, KAFKA_HOME } from './kafka-jars';
import { cmdline, isAlive, signalGroup, sleep, stopGroup } from './proc';

export { ensureKafkaJars, KAFKA_VERSION, checkKafkaPrerequisites, StackSetupError } from './kafka-jars';

export interface KafkaOptions { dataDir: string; port: number; controllerPort: number; log?: (m: string) => void }
export interface KafkaHandle { brokers: string; pid: number; stop(): Promise<void> }
export interface TopicSpec { topic: string; numPartitions: number; config?: Record<string, string> }

function serverProperties(dataDir: string, port: number, controllerPort: number): string {
  return `# written by scripts/stack/kafka.ts on every start (ports may change); edit that file instead
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${path.join(dataDir, 'logs')}
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=false
# one broker: every internal topic must have replication factor 1, or consumer groups never get a coordinator
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# fewer internal partitions = faster first consumer-group join on a fresh data dir (defaults 50 / 50)
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
group.initial.rebalance.delay.ms=0
# after an unclean stop (kill -9) the restarted broker cannot register until its previous incarnation's session
# expires (default 9 s): keep that short; broker and controller share this JVM, so heartbeats never cross a network
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=2500
# 2 cores: fewer threads than the defaults (3 network, 8 io)
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
`;
}

// Everything through the log4j 1.x API (reload4j) to stdout, which goes to <dataDir>/kafka.log
const LOG4J = `log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
`;

function admin(brokers: string) {
  return new Kafka({ clientId: 'switchboard-stack', brokers: brokers.split(','), logLevel: logLevel.NOTHING,
    connectionTimeout: 1000, retry: { retries: 0 } }).admin();
}

export async function startKafka(opts: KafkaOptions): Promise<KafkaHandle> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const { libs, javaVersion } = ensureKafkaJars(log);
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const props = path.join(dataDir, 'server.properties');
  const pidFile = path.join(dataDir, 'kafka.pid');

  // a broker left running by a runner that was kill -9'd holds the log dir lock and the ports: stop it
  const old = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : 0);
  if (old && isAlive(old) && cmdline(old).includes('kafka.Kafka') && cmdline(old).includes(props)) {
    log(`kafka: stopping a broker left running by a previous run (pid ${old})`);
    await stopGroup(old, 'SIGTERM', 6000);
  }

  fs.writeFileSync(props, serverProperties(dataDir, opts.port, opts.controllerPort));
  fs.writeFileSync(path.join(dataDir, 'log4j.properties'), LOG4J);
  const jvm = ['-Xms256m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${path.join(dataDir, 'log4j.properties')}`, '-cp', `${libs}/*`];

  const idFile = path.join(dataDir, 'cluster.id');
  if (!fs.existsSync(path.join(dataDir, 'logs', 'meta.properties'))) {
    // cluster id: 16 random bytes, base64url (22 chars); must not start with '-' (parsed as an option)
    let id = fs.existsSync(idFile) ? fs.readFileSync(idFile, 'utf8').trim() : '';
    while (!id) { const c = randomBytes(16).toString('base64url'); if (!c.startsWith('-')) id = c; }
    fs.writeFileSync(idFile, id + '\n');
    // async: the format is a JVM run of 1-2 s, which a synchronous call would take from everything started alongside
    await promisify(execFile)('java', [...jvm, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', props, '--ignore-formatted'], { encoding: 'utf8' })
      .catch((e: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`kafka storage format failed:\n${((e.stdout ?? '') + (e.stderr ?? '') || e.message).trim().split('\n').slice(-10).join('\n')}`);
      });
  }

  // AppCDS: an archive of the ~7k classes the broker loads cuts JVM start-up by ~0.5 s on 2 cores. The first run
  // records it at exit (to a per-process temp name; concurrent stacks may race) and later runs map it.
  const jsa = path.join(KAFKA_HOME, `classes-java-${javaVersion}.jsa`);
  const jsaTmp = `${jsa}.${process.pid}.tmp`;
  const cds = fs.existsSync(jsa) ? `-XX:SharedArchiveFile=${jsa}` : `-XX:ArchiveClassesAtExit=${jsaTmp}`;

  const logFile = path.join(dataDir, 'kafka.log');
  if (fs.existsSync(logFile)) fs.renameSync(logFile, path.join(dataDir, 'kafka.prev.log'));
  const out = fs.openSync(logFile, 'w');
  const child = spawn('java', [cds, ...jvm, 'kafka.Kafka', props], { detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pid = child.pid!;
  child.unref();
  fs.writeFileSync(pidFile, `${pid}\n`);
  let exited = false;
  child.once('exit', () => { exited = true; });
  const onExit = () => signalGroup(pid, 'SIGTERM'); // safety net if this process exits without stop()
  process.once('exit', onExit);

  const brokers = `127.0.0.1:${opts.port}`;
  for (const deadline = Date.now() + 60_000; ; await sleep(100)) {
    if (exited || Date.now() > deadline) {
      if (!exited) await stopGroup(pid, 'SIGKILL', 1000);
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').filter((l) => /ERROR|Exception|FATAL/.test(l)).slice(-5).join('\n');
      throw new Error(`kafka did not start on port ${opts.port} (log ${logFile})${tail ? `:\n${tail}` : ''}`);
    }
    const a = admin(brokers);
    try {
      await a.connect();
      await a.listTopics();
      // also wait for a group coordinator (creates __consumer_offsets on a fresh broker): consumers can join at once
      await a.describeGroups(['switchboard-stack-probe']);
      break;
    } catch { /* not up yet */ } finally { await a.disconnect().catch(() => {}); }
  }

  return {
    brokers,
    pid,
    async stop() {
      process.removeListener('exit', onExit);
      // SIGTERM = controlled shutdown (flushes logs, writes a clean-shutdown marker so the next start skips recovery)
      const how = await stopGroup(pid, 'SIGTERM', 6000);
      if (how === 'killed') log('kafka: did not stop within 6 s, killed');
      fs.rmSync(pidFile, { force: true });
      if (fs.existsSync(jsaTmp)) {
        // an archive is complete only if the JVM exited by itself
        if (how === 'clean' && fs.statSync(jsaTmp).size > 0 && !fs.existsSync(jsa)) fs.renameSync(jsaTmp, jsa);
        else fs.rmSync(jsaTmp, { force: true });
      }
    },
  };
}

/** Polls the topics' metadata until every partition has a leader (30 s at most). */
async function waitForLeaders(a: ReturnType<Kafka['admin']>, topics: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics: meta } = await a.fetchTopicMetadata({ topics });
      if (meta.length === topics.length && meta.every((t) => t.partitions.length && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline) throw new Error(`kafka: ${topics.length} new topics still without leaders after 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Create the topics that do not exist yet (replication factor 1: single broker). */
export async function ensureTopics(brokers: string, topics: TopicSpec[]): Promise<string[]> {
  const a = new Kafka({ clientId: 'switchboard-stack', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await a.connect();
  try {
    const existing = new Set(await a.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length) {
      try {
        await a.createTopics({ waitForLeaders: true,
          topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: 1,
            configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })) })) });
      } catch (e) {
        // kafkajs' wait for the leaders gives up with UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this
        // topic-partition") when a just-started broker is slow to elect them for many new partitions (seen once in
        // CI with ~100 partitions at once): the topics were created, so wait for their leaders here instead.
        if (!/does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION/i.test(String((e as Error).message))) throw e;
        await waitForLeaders(a, missing.map((t) => t.topic));
      }
    }
    return missing.map((t) => t.topic);
  } finally { await a.disconnect(); }
}
