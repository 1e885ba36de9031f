// One Kafka Connect worker in distributed mode (org.apache.kafka.connect.cli.ConnectDistributed) with Debezium's
// PostgreSQL connector on its classpath, supervised like the workers: restarted with backoff if it dies. Distributed
// mode keeps connector configs, source offsets and statuses in Kafka topics (no local offsets file to lose) and is
// driven through its REST API, which is how connectors are registered (lib/identity/cdc/connector.ts).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { checkJavaPrerequisites, ensureJars, REPO_ROOT, type JarSet } from './kafka-jars';
import type { PidFile } from './proc';
import { Supervised } from './supervisor';

export const CONNECT_VERSION = '3.9.1';
export const CONNECT_JARS: JarSet = {
  what: `Kafka Connect ${CONNECT_VERSION} + Debezium`,
  pom: path.join(REPO_ROOT, 'scripts', 'connect', 'pom.xml'),
  home: path.join(REPO_ROOT, '.cache', `connect-${CONNECT_VERSION}`),
};

/** Throws a one-line StackSetupError when Java 17+ is missing, or Maven while the jars still have to be fetched. */
export const checkConnectPrerequisites = (): string => checkJavaPrerequisites(CONNECT_JARS);

export interface ConnectOptions {
  /** worker.properties, log4j.properties and the worker's logs go here */
  dataDir: string;
  /** REST port (on 127.0.0.1) */
  port: number;
  brokers: string;
  /** the Connect cluster's group; also names its storage topics */
  groupId: string;
  /** KAFKA_TOPIC_PREFIX of the stack: put before the group id and the storage topics' names, so stacks sharing a
   *  broker (different prefixes) get a Connect cluster each */
  topicPrefix?: string;
  /** the runner's pid file: a worker left by a kill -9'd runner is stopped by the next one */
  pids: PidFile;
  /** the runner's console; only the worker's warnings and errors reach it (everything is in <dataDir>/worker.log) */
  log?: (m: string) => void;
}

export interface ConnectHandle {
  /** http://127.0.0.1:<port> */
  url: string;
  /** resolves when the REST API answers GET / (false: not within 90 s; it keeps starting, supervised) */
  ready: Promise<boolean>;
  /** SIGTERM, SIGKILL after timeoutMs (default 5 s: it normally stops in under 1 s) */
  stop(timeoutMs?: number): Promise<'clean' | 'killed'>;
}

/** The group of a Connect cluster and its internal topics (the worker creates them itself, with these names). */
export function storageTopics(groupId: string, topicPrefix = '') {
  const group = `${topicPrefix}${groupId}`;
  return { group, configs: `${group}.configs`, offsets: `${group}.offsets`, status: `${group}.status` };
}

export function workerProperties(o: Pick<ConnectOptions, 'port' | 'brokers' | 'groupId' | 'topicPrefix'>): string {
  const t = storageTopics(o.groupId, o.topicPrefix);
  return `# written by scripts/stack/connect.ts on every start (ports may change); edit that file instead
bootstrap.servers=${o.brokers}
group.id=${t.group}
listeners=http://127.0.0.1:${o.port}
rest.advertised.host.name=127.0.0.1
rest.advertised.port=${o.port}
# plain JSON: {before, after, source, op, ts_ms} values keyed by {<primary key column>: value}
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=false
value.converter.schemas.enable=false
# one broker: replication factor 1; few partitions (defaults 25 offsets / 5 status) for a quicker first start
config.storage.topic=${t.configs}
offset.storage.topic=${t.offsets}
status.storage.topic=${t.status}
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
offset.storage.partitions=3
status.storage.partitions=1
# source offsets (the LSN Debezium confirms to the slot) every 5 s, not 60: after a crash fewer changes come twice,
# and the slot frees WAL sooner
offset.flush.interval.ms=5000
# a single worker that restarts must get its connectors back at once: the default waits up to 5 min for the "lost"
# worker to return before reassigning its work
scheduled.rebalance.max.delay.ms=0
# plugins are on the classpath (Debezium declares its connector as a service): no plugin.path scan
plugin.discovery=service_load
# lets connectors create their topics (Debezium's heartbeat topic): the broker does not auto-create
topic.creation.enable=true
`;
}

// INFO and up to <dataDir>/worker.log (rolled at 20 MB); only warnings and errors to stdout, which the supervisor
// prints on the runner's console and keeps in <dataDir>/connect.log (with what the JVM itself prints, e.g. on a crash)
const log4j = (dataDir: string) => `log4j.rootLogger=INFO, file, stdout
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${path.join(dataDir, 'worker.log')}
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.Threshold=WARN
# a Java stack trace is 40+ lines: the console gets its first line, worker.log all of it
log4j.appender.stdout.layout=org.apache.log4j.EnhancedPatternLayout
log4j.appender.stdout.layout.ConversionPattern=%p %m (%c)%n%throwable{short}
log4j.logger.org.reflections=ERROR
# two warnings a lone worker logs on every start and stop, not worth a console line (worker.log keeps them)
log4j.appender.stdout.filter.1=org.apache.log4j.varia.StringMatchFilter
log4j.appender.stdout.filter.1.StringToMatch=Catching up to assignment's config offset
log4j.appender.stdout.filter.1.AcceptOnMatch=false
log4j.appender.stdout.filter.2=org.apache.log4j.varia.StringMatchFilter
log4j.appender.stdout.filter.2.StringToMatch=pending requests to coordinator, terminating client connections
log4j.appender.stdout.filter.2.AcceptOnMatch=false
`;

/** GET / answers 200 with {version, commit, kafka_cluster_id} once the REST resources are up (Jetty answers 404 before). */
export function connectAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/`, { agent: false, timeout: timeoutMs }, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.once('error', () => resolve(false)).once('timeout', () => { req.destroy(); resolve(false); });
  });
}

/**
 * Starts the worker supervised: `ready` resolves when its REST API answers; stop() shuts it down (SIGTERM: it stops
 * its tasks, commits their offsets and leaves its group).
 */
export function startConnect(o: ConnectOptions): ConnectHandle {
  const log = o.log ?? ((m: string) => console.log(m));
  const { libs, javaVersion } = ensureJars(CONNECT_JARS, log);
  const dataDir = path.resolve(o.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const props = path.join(dataDir, 'worker.properties');
  fs.writeFileSync(props, workerProperties(o));
  fs.writeFileSync(path.join(dataDir, 'log4j.properties'), log4j(dataDir));

  // AppCDS: an archive of the ~9k classes the worker loads halves its start (measured here: ready in 2.4 s and 2.9 s
  // of CPU without, 1.4 s and 1.7 s with), CPU that `npm start` on 2 cores otherwise takes from the product's own
  // start. The first run records it at exit (to a per-process temp name, as concurrent stacks may race); later runs map it.
  const jsa = path.join(CONNECT_JARS.home, `classes-java-${javaVersion}.jsa`);
  const jsaTmp = `${jsa}.${process.pid}.tmp`;
  const cds = fs.existsSync(jsa) ? `-XX:SharedArchiveFile=${jsa}` : `-XX:ArchiveClassesAtExit=${jsaTmp}`;
  const args = [cds, '-Xms64m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError',
    // C1 only: a CDC stream of a few source tables needs no C2-optimised code, and C2 compiling at start costs ~0.8 s
    // of CPU on 2 cores
    '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true',
    // the archive's creation warns once per class it cannot hold (~120 lines of log4j/slf4j classes of Java 5 format)
    '-Xlog:cds=off',
    `-Dlog4j.configuration=file:${path.join(dataDir, 'log4j.properties')}`, '-cp', `${libs}/*`,
    'org.apache.kafka.connect.cli.ConnectDistributed', props];

  const url = `http://127.0.0.1:${o.port}`;
  const child = new Supervised({ name: 'connect', command: 'java', args, cwd: dataDir, env: process.env, logDir: dataDir,
    readyTimeoutMs: 90_000, probe: () => connectAnswers(url) }, o.pids, log);
  child.start();
  let wasReady = false;
  const ready = child.ready.then((how) => (wasReady = how !== 'timeout'));
  return {
    url,
    ready,
    async stop(timeoutMs = 5000) {
      const how = await child.stop(timeoutMs);
      if (fs.existsSync(jsaTmp)) {
        // an archive is complete only if the JVM exited by itself, and worth keeping only if it got as far as serving
        // REST (one stopped while starting would hold just the classes loaded by then, and be kept for good)
        if (how === 'clean' && wasReady && fs.statSync(jsaTmp).size > 0 && !fs.existsSync(jsa)) fs.renameSync(jsaTmp, jsa);
        else fs.rmSync(jsaTmp, { force: true });
      }
      return how;
    },
  };
}
