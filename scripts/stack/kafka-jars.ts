// Apache Kafka has no Debian or npm package: fetch the official broker jars from Maven Central once
// (scripts/kafka/pom.xml) into <repo>/.cache/kafka-<version>/libs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '3.9.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KAFKA_HOME = path.join(REPO_ROOT, '.cache', `kafka-${KAFKA_VERSION}`);
const LIBS = path.join(KAFKA_HOME, 'libs');
const MARKER = path.join(KAFKA_HOME, 'libs.complete');

/** A missing prerequisite: the runner prints just this one line and exits non-zero. */
export class StackSetupError extends Error {}

/** e.g. "17.0.15"; null when there is no working `java` */
function javaVersion(): string | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return /version "([^"]+)"/.exec(r.stderr)?.[1] ?? null;
}

export interface KafkaJars { libs: string; javaVersion: string }
let checked: KafkaJars | undefined;

let java: string | undefined;
/**
 * The installed Java version. Throws a StackSetupError naming the package to install when there is no Java 17+,
 * or no Maven while the jars still have to be fetched. Cheap: call it before starting anything else.
 */
export function checkKafkaPrerequisites(): string {
  if (java) return java;
  const version = javaVersion();
  const [a, b] = (version ?? '0').split('.').map(Number);
  const major = a === 1 ? (b ?? 0) : (a ?? 0); // "1.8.0_x" style for Java 8
  if (version === null || major < 17) {
    throw new StackSetupError(`Kafka needs a JDK 17+ (${version === null ? 'no `java` on PATH' : `found Java ${version}`}): apt-get install openjdk-17-jdk-headless`);
  }
  if (!fs.existsSync(MARKER) && spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
    throw new StackSetupError('Kafka jars are fetched with Maven (once), but `mvn` is not on PATH: apt-get install maven');
  }
  return (java = version);
}

/** Returns the folder with the broker jars (classpath `<libs>/*`), downloading them on first use. */
export function ensureKafkaJars(log: (m: string) => void = console.log): KafkaJars {
  if (checked) return checked;
  const version = checkKafkaPrerequisites();
  if (!fs.existsSync(MARKER)) {
    log(`fetching Apache Kafka ${KAFKA_VERSION} jars from Maven Central (once)…`);
    // download next to the final folder and rename, so an interrupted download is simply retried
    const tmp = `${LIBS}.partial`;
    fs.rmSync(tmp, { recursive: true, force: true });
    const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(REPO_ROOT, 'scripts', 'kafka', 'pom.xml'),
      'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new StackSetupError(`fetching Kafka jars failed (mvn exit ${r.status}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`);
    }
    fs.rmSync(LIBS, { recursive: true, force: true });
    fs.renameSync(tmp, LIBS);
    // class-data archives embed the classpath's jar timestamps: drop ones made for older jars
    for (const f of fs.readdirSync(KAFKA_HOME)) if (f.endsWith('.jsa')) fs.rmSync(path.join(KAFKA_HOME, f), { force: true });
    fs.writeFileSync(MARKER, `${new Date().toISOString()}\n`);
  }
  checked = { libs: LIBS, javaVersion: version };
  return checked;
}
