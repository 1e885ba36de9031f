import { givenName, newHome, SURNAMES, type Home } from './korean';
import { DEFAULT_NOISE, latin, type NoiseRates } from './noise';
import { chance, intBetween, mulberry32, pick, UniqueNumbers, Weighted, type Rng } from './random';
import { writeRecord, type Plan, type RecordContext, type Slot } from './records';
import type { SimulatedRecord, SourceName } from './sources';

export interface SimulateOptions {
  seed: number;
  people: number;
  /** the simulated present; records were last changed in the three years before it. Default 2026-12-01T00:00:00Z */
  now?: string;
  /** rates to override (see DEFAULT_NOISE) */
  noise?: Partial<NoiseRates>;
}

/** One simulated person: who they really are, and the records the three sources hold of them. */
export interface SimulatedPerson {
  personId: string;
  surname: string;
  given: string;
  gender: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  /** national digits, oldest first (a changed or upgraded number adds one) */
  mobiles: string[];
  emails: string[];
  /** oldest first (a move adds one) */
  homes: Home[];
  household: number;
  /** `family:spouse`, `family:child`, `namesake`, `moved`, `email-changed`, `mobile-changed`, `legacy-mobile`, `legacy-upgraded`, `sources:N` */
  traits: string[];
  /** oldest change first */
  records: SimulatedRecord[];
}

interface Household {
  id: number;
  home: Home;
  landline: string | null;
  surname: string;
  headBirthYear: number;
  headMobile: string;
  headEmail: string;
}

const RING = 512;
const THREE_YEARS = 3 * 365 * 86_400_000;
const LEGACY = Weighted.of<string>([['011', 50], ['016', 20], ['017', 15], ['018', 5], ['019', 10]]);
const EMAIL_DOMAINS = Weighted.of<string>([['naver.com', 40], ['gmail.com', 25], ['daum.net', 10], ['hanmail.net', 8], ['kakao.com', 7], ['nate.com', 5], ['icloud.com', 3], ['hotmail.com', 2]]);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const personId = (i: number): string => `P${pad(i, 8)}`;

function birthDateIn(rng: Rng, year: number): string {
  const month = intBetween(rng, 1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month, 2)}-${pad(intBetween(rng, 1, days), 2)}`;
}

/** Every number, email and household handed out so far: numbers never repeat unless a household shares them. */
class Registry {
  private readonly mobiles: UniqueNumbers;
  private readonly legacy: UniqueNumbers;
  private readonly landlines: UniqueNumbers;
  private readonly tokens: UniqueNumbers;
  /** the last RING households and people, for families and namesakes */
  readonly households: Household[] = [];
  readonly recent: SimulatedPerson[] = [];
  householdCount = 0;

  constructor(private readonly rng: Rng) {
    this.mobiles = new UniqueNumbers(rng, 1e8);
    this.legacy = new UniqueNumbers(rng, 8e6);
    this.landlines = new UniqueNumbers(rng, 8e7);
    // a unique five-character tail keeps strangers' addresses apart (about 60 million of them)
    this.tokens = new UniqueNumbers(rng, 36 ** 5);
  }

  mobile(): string {
    let n = this.mobiles.take();
    // 010-5970 to 010-5999 are not allocated (libphonenumber refuses them): real data has none
    while (n >= 59_700_000 && n < 60_000_000) n = this.mobiles.take();
    return `010${pad(n, 8)}`;
  }

  /** 011-234-5678: the 2G numbers older people kept */
  legacyMobile(): string {
    const n = this.legacy.take();
    return `${LEGACY.draw(this.rng)}${2 + Math.floor(n / 1e6)}${pad(n % 1e6, 6)}`;
  }

  landline(home: Home): string {
    const n = this.landlines.take();
    return `${home.province.areaCode}${2 + Math.floor(n / 1e7)}${pad(n % 1e7, 7)}`;
  }

  email(surname: string, given: string, birthYear: number): string {
    const [g, s, t] = [latin(given), latin(surname), this.tokens.take().toString(36)];
    const form = Math.floor(this.rng() * 5);
    const local = form === 0 ? `${g}${t}` : form === 1 ? `${g}.${s}${t}` : form === 2 ? `${s}${g}${t}` : form === 3 ? `${s}${t}` : `${g}${pad(birthYear % 100, 2)}${t}`;
    return `${local}@${EMAIL_DOMAINS.draw(this.rng)}`;
  }

  remember(household: Household | null, person: SimulatedPerson, i: number): void {
    if (household) this.households[(household.id - 1) % RING] = household;
    this.recent[(i - 1) % RING] = person;
  }
}

/**
 * People written into the three sources with the noise of real customer data, one person at a time: memory stays flat
 * for any N (only the last 512 households and people are remembered, for families and namesakes). The same seed,
 * count, `now` and rates give the same people and records, key for key.
 */
export function* simulatePeople(options: SimulateOptions): Generator<SimulatedPerson> {
  const rates: NoiseRates = { ...DEFAULT_NOISE, ...options.noise };
  const rng = mulberry32(options.seed);
  const nowMs = Date.parse(options.now ?? '2026-12-01T00:00:00Z');
  const nowYear = new Date(nowMs).getUTCFullYear();
  const reg = new Registry(rng);
  const presence = new Weighted<SourceName>(['DI', 'OM', 'CX'], [rates.inDI, rates.inOM, rates.inCX]);
  const context: RecordContext = { rng, rates, counters: { C: 0, K: 0, U: 0, X: 0 }, newEmail: (p) => reg.email(p.surname, p.given, Number(p.birthDate.slice(0, 4))) };

  for (let i = 1; i <= options.people; i++) {
    const traits: string[] = [];
    let gender: 'M' | 'F' = chance(rng, 0.5) ? 'M' : 'F';
    let surname: string, given: string, birthYear: number, home: Home, birthDate: string | null = null;
    let household: Household;
    const joined = reg.households.length > 0 && chance(rng, rates.family) ? pick(rng, reg.households) : null;
    if (joined) {
      household = joined;
      home = joined.home;
      const childYear = joined.headBirthYear + intBetween(rng, 25, 35);
      const child = chance(rng, 0.5) && childYear <= nowYear - 15;
      traits.push(child ? 'family:child' : 'family:spouse');
      surname = child ? joined.surname : SURNAMES.draw(rng);
      birthYear = child ? childYear : Math.min(nowYear - 20, joined.headBirthYear + intBetween(rng, -5, 5));
      given = givenName(rng, gender, birthYear);
    } else {
      // adults 20 to 79, most around 50
      birthYear = nowYear - 20 - Math.floor(30 * (rng() + rng()));
      const namesake = reg.recent.length > 0 && chance(rng, rates.namesake) ? pick(rng, reg.recent) : null;
      if (namesake) {
        traits.push('namesake');
        ({ surname, given, gender } = namesake);
        const at = namesake.homes[0]!;
        home = chance(rng, 0.5) ? newHome(rng, at.province, at.district) : newHome(rng);
        do birthDate = birthDateIn(rng, birthYear); while (birthDate === namesake.birthDate);
      } else {
        surname = SURNAMES.draw(rng);
        given = givenName(rng, gender, birthYear);
        home = newHome(rng);
      }
      const landline = chance(rng, rates.landline) ? reg.landline(home) : null;
      household = { id: ++reg.householdCount, home, landline, surname, headBirthYear: birthYear, headMobile: '', headEmail: '' };
    }
    birthDate ??= birthDateIn(rng, birthYear);

    const legacy = birthYear < 1975 && chance(rng, rates.legacyMobile);
    if (legacy) traits.push('legacy-mobile');
    const mobiles = [legacy ? reg.legacyMobile() : reg.mobile()];
    const emails = [reg.email(surname, given, birthYear)];

    // Which records, when. Someone in no source is put in one.
    const slots: Slot[] = [];
    if (chance(rng, rates.inDI)) addSlots(rng, slots, 'DI', rates.diSecondRecord, nowMs);
    if (chance(rng, rates.inOM)) addSlots(rng, slots, 'OM', rates.omSecondAccount, nowMs);
    if (chance(rng, rates.inCX)) addSlots(rng, slots, 'CX', rates.cxDuplicate, nowMs);
    if (!slots.length) addSlots(rng, slots, presence.draw(rng), 0, nowMs);
    slots.sort((a, b) => a.at - b.at);
    traits.push(`sources:${new Set(slots.map((s) => s.source)).size}`);

    // A change shows from a drawn record on; the ones before keep the old value. One record cannot show a change.
    const count = slots.length;
    const homes = [home];
    const movedAt = changeAt(rng, count, rates.moved);
    if (movedAt < count) { traits.push('moved'); homes.push(chance(rng, 0.7) ? newHome(rng, home.province) : newHome(rng)); }
    const emailAt = changeAt(rng, count, rates.emailChanged);
    if (emailAt < count) { traits.push('email-changed'); emails.push(reg.email(surname, given, birthYear)); }
    const mobileAt = changeAt(rng, count, legacy ? rates.legacyUpgraded : rates.mobileChanged);
    if (mobileAt < count) { traits.push(legacy ? 'legacy-upgraded' : 'mobile-changed'); mobiles.push(reg.mobile()); }
    if (!joined) [household.headMobile, household.headEmail] = [mobiles.at(-1)!, emails.at(-1)!];

    const plan: Plan = {
      personId: personId(i), surname, given, gender, birthDate,
      homes, movedAt, mobiles, mobileAt, emails, emailAt,
      landline: household.landline, headMobile: household.headMobile, headEmail: household.headEmail,
      familyMobileSlot: joined && chance(rng, rates.familySharesMobile) ? intBetween(rng, 0, count - 1) : -1,
      familyEmailSlot: joined && chance(rng, rates.familySharesEmail) ? intBetween(rng, 0, count - 1) : -1,
      count,
    };
    const records: SimulatedRecord[] = [];
    for (let s = 0; s < count; s++) records.push(writeRecord(context, plan, slots[s]!, s));
    const person: SimulatedPerson = { personId: plan.personId, surname, given, gender, birthDate, mobiles, emails, homes, household: household.id, traits, records };
    reg.remember(joined ? null : household, person, i);
    yield person;
  }
}

function addSlots(rng: Rng, slots: Slot[], source: SourceName, second: number, nowMs: number): void {
  slots.push({ source, at: nowMs - Math.floor(rng() * THREE_YEARS), second: false });
  if (chance(rng, second)) slots.push({ source, at: nowMs - Math.floor(rng() * THREE_YEARS), second: true });
}

/** The index of the first record showing a change, or `count` when there is none. */
function changeAt(rng: Rng, count: number, p: number): number {
  return count >= 2 && chance(rng, p) ? intBetween(rng, 1, count - 1) : count;
}

/** Every record of `simulatePeople`, one at a time. */
export function* simulateRecords(options: SimulateOptions): Generator<SimulatedRecord> {
  for (const person of simulatePeople(options)) yield* person.records;
}

/** The ground truth: source record key -> person id. */
export function groundTruth(records: Iterable<SimulatedRecord>): Map<string, string> {
  const truth = new Map<string, string>();
  for (const r of records) truth.set(r.key, r.personId);
  return truth;
}
