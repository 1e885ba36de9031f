// Apache Kafka has no Debian or npm package: fetch the official jars from Maven Central once, with Maven and a tiny
// pom, into <repo>/.cache/<name>/libs: the broker's (scripts/kafka/pom.xml) here, Kafka Connect's and Debezium's
// (scripts/connect/pom.xml) through the same helpers in scripts/stack/connect.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '3.9.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A set of jars fetched with `mvn dependency:copy-dependencies` from one pom. */
export interface JarSet {
  /** for messages, e.g. "Apache Kafka 3.9.1" */
  what: string;
  /** the pom listing them */
  pom: string;
  /** <home>/libs gets the jars, <home>/libs.complete marks a finished download, AppCDS archives go beside */
  home: string;
}

export const KAFKA_JARS: JarSet = {
  what: `Apache Kafka ${KAFKA_VERSION}`,
  pom: path.join(REPO_ROOT, 'scripts', 'kafka', 'pom.xml'),
  home: path.join(REPO_ROOT, '.cache', `kafka-${KAFKA_VERSION}`),
};
export const KAFKA_HOME = KAFKA_JARS.home;
const libsOf = (set: JarSet) => path.join(set.home, 'libs');
const markerOf = (set: JarSet) => path.join(set.home, 'libs.complete');

/** A missing prerequisite: the runner prints just this one line and exits non-zero. */
export class StackSetupError extends Error {}

/** e.g. "17.0.15"; null when there is no working `java` */
function javaVersion(): string | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return /version "([^"]+)"/.exec(r.stderr)?.[1] ?? null;
}

export interface KafkaJars { libs: string; javaVersion: string }
const fetched = new Map<string, KafkaJars>();

let java: string | undefined;
/**
 * The installed Java version. Throws a StackSetupError naming the package to install when there is no Java 17+,
 * or no Maven while one of `sets` still has to be fetched. Cheap: call it before starting anything else.
 */
export function checkJavaPrerequisites(set: JarSet): string {
  if (!java) {
    const version = javaVersion();
    const [a, b] = (version ?? '0').split('.').map(Number);
    const major = a === 1 ? (b ?? 0) : (a ?? 0); // "1.8.0_x" style for Java 8
    if (version === null || major < 17) {
      throw new StackSetupError(`${set.what} needs a JDK 17+ (${version === null ? 'no `java` on PATH' : `found Java ${version}`}): apt-get install openjdk-17-jdk-headless`);
    }
    java = version;
  }
  if (!fs.existsSync(markerOf(set)) && spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
    throw new StackSetupError(`${set.what} jars are fetched with Maven (once), but \`mvn\` is not on PATH: apt-get install maven`);
  }
  return java;
}

/** checkJavaPrerequisites for the broker's jars. */
export const checkKafkaPrerequisites = (): string => checkJavaPrerequisites(KAFKA_JARS);

/** Returns the folder with the set's jars (classpath `<libs>/*`), downloading them on first use. */
export function ensureJars(set: JarSet, log: (m: string) => void = console.log): KafkaJars {
  const done = fetched.get(set.home);
  if (done) return done;
  const version = checkJavaPrerequisites(set);
  const libs = libsOf(set);
  if (!fs.existsSync(markerOf(set))) {
    log(`fetching ${set.what} jars from Maven Central (once)…`);
    // download next to the final folder and rename, so an interrupted download is simply retried
    const tmp = `${libs}.partial`;
    fs.rmSync(tmp, { recursive: true, force: true });
    const r = spawnSync('mvn', ['-q', '-B', '-f', set.pom,
      'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new StackSetupError(`fetching ${set.what} jars failed (mvn exit ${r.status}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`);
    }
    fs.rmSync(libs, { recursive: true, force: true });
    fs.renameSync(tmp, libs);
    // class-data archives embed the classpath's jar timestamps: drop ones made for older jars
    for (const f of fs.readdirSync(set.home)) if (f.endsWith('.jsa')) fs.rmSync(path.join(set.home, f), { force: true });
    fs.writeFileSync(markerOf(set), `${new Date().toISOString()}\n`);
  }
  const jars = { libs, javaVersion: version };
  fetched.set(set.home, jars);
  return jars;
}

/** The broker's jars (see ensureJars). */
export const ensureKafkaJars = (log: (m: string) => void = console.log): KafkaJars => ensureJars(KAFKA_JARS, log);
