import { describe, expect, it } from 'vitest';
import { cleanse } from '../cleansing/cleanse';
import { cleanName } from '../cleansing/name';
import { groundTruth, simulatePeople, simulateRecords, type SimulatedPerson } from './people';
import { toSourceRecord, type SimulatedRecord } from './sources';

const today = '2026-12-15';
// one population for the statistical checks: a few seconds of CPU, shared by the tests below
const PEOPLE = 5000;
const people: SimulatedPerson[] = [...simulatePeople({ seed: 42, people: PEOPLE })];
const records: SimulatedRecord[] = people.flatMap((p) => p.records);
const cleansed = new Map(records.map((r) => [r.key, cleanse(toSourceRecord(r), { today })]));
const l1 = (r: SimulatedRecord) => cleansed.get(r.key)!;
const e164 = (national: string) => `+82${national.slice(1)}`;
const share = (n: number, of: number) => n / of;

describe('simulatePeople', () => {
  it('is deterministic per seed, and another seed gives other people', () => {
    const again = [...simulatePeople({ seed: 42, people: 300 })];
    expect(again).toEqual(people.slice(0, 300));
    const other = [...simulatePeople({ seed: 43, people: 300 })];
    expect(other.map((p) => p.surname + p.given)).not.toEqual(again.map((p) => p.surname + p.given));
  });

  it('keeps the ground truth: unique record keys, each mapped to its person', () => {
    const truth = groundTruth(records);
    expect(truth.size).toBe(records.length);
    for (const p of people) for (const r of p.records) expect(truth.get(r.key)).toBe(p.personId);
    expect([...simulateRecords({ seed: 42, people: 50 })].map((r) => r.key)).toEqual(people.slice(0, 50).flatMap((p) => p.records.map((r) => r.key)));
    expect(records.map((r) => r.key.slice(0, 4))).toEqual(expect.arrayContaining(['DI:C', 'DI:K', 'OM:U', 'CX:0']));
  });

  it('writes each source in its own shape', () => {
    const di = records.find((r) => r.source === 'DI')!, om = records.find((r) => r.source === 'OM')!, cx = records.find((r) => r.source === 'CX')!;
    expect(Object.keys(di.row).sort()).toEqual(['company', 'customer_name', 'email', 'mobile', 'region']);
    expect(Object.keys(om.row).sort()).toEqual(['addr', 'birth_ymd', 'email_addr', 'gender', 'phone_no', 'user_name']);
    expect(Object.keys(cx.row)).toEqual(expect.arrayContaining(['full_name', 'phones', 'email', 'address']));
  });

  it('every phone written, in any format, cleans to one of the person’s numbers, the household line or the head’s mobile', () => {
    const byId = new Map(people.map((p) => [p.personId, p]));
    const households = new Map<number, Set<string>>();
    for (const p of people) for (const m of p.mobiles) households.set(p.household, (households.get(p.household) ?? new Set()).add(e164(m)));
    const formats = new Set<string>();
    for (const r of records) {
      const cleaned = l1(r);
      const own = new Set(byId.get(r.personId)!.mobiles.map(e164));
      for (const phone of cleaned.phones) {
        expect(phone.e164, `${r.key} ${phone.raw}`).not.toBeNull();
        formats.add(phone.raw.replace(/\d/g, '9'));
        if (own.has(phone.e164!)) continue;
        expect(r.noise.some((n) => n === 'phone:family' || n === 'phone:landline'), `${r.key} ${phone.raw}`).toBe(true);
        expect(phone.kind === 'landline' || households.get(byId.get(r.personId)!.household)!.has(phone.e164!)).toBe(true);
      }
    }
    for (const f of ['99999999999', '999 9999 9999', '+99-99-9999-9999', '999-9999-9999', '999-999-9999', '99-9999-9999']) expect(formats.has(f), f).toBe(true);
  });

  it('addresses clean to the home’s district, whichever 시/도 form, unit, postcode or glue the source wrote', () => {
    const byId = new Map(people.map((p) => [p.personId, p]));
    const written = new Set<string>();
    for (const r of records) {
      const address = l1(r).address;
      if (!address) continue;
      const person = byId.get(r.personId)!;
      const home = person.homes[r.noise.includes('address:moved') ? 1 : 0]!;
      expect(address.sido, `${r.key}`).toBe(home.province.sido);
      // DI writes the 시/도 alone now and then
      if (address.sigungu || r.source !== 'DI') expect(address.district).toBe(home.district ? `${home.province.sido} ${home.district}` : home.province.sido);
      if (r.source !== 'DI') expect(address.street).toBe(home.street);
      written.add(address.raw.split(' ')[0]!.replace(/^[([]\d+[)\]]$/, '(postcode)'));
    }
    for (const form of ['서울', '서울시', '서울특별시', '경기', '경기도', '(postcode)']) expect(written.has(form), form).toBe(true);
  });

  it('names clean to the person’s name except where a typo was put in; 류 written 유 folds back', () => {
    let typos = 0;
    for (const p of people) {
      const key = cleanName(p.surname + p.given).key;
      for (const r of p.records) {
        const name = l1(r).name!;
        if (r.noise.includes('name:typo')) {
          typos++;
          expect(name.key).not.toBe(key);
          expect(name.initials.length).toBe(key.length);
        } else expect(name.key, `${r.key} ${name.raw}`).toBe(key);
      }
    }
    expect(typos).toBeGreaterThan(0);
    const variants = records.filter((r) => r.noise.includes('name:surname-variant'));
    for (const r of variants) expect(['유', '이', '임', '나', '노', '양']).toContain(cleanName(toSourceRecord(r).name!).display[0]);
  });

  it('birth dates from OM and the CX registration number give the person’s date, except a mistyped day', () => {
    const byId = new Map(people.map((p) => [p.personId, p]));
    let rrn = 0;
    for (const r of records) {
      const birth = l1(r).birth;
      if (!birth) continue;
      if (r.source === 'CX') {
        rrn++;
        expect(birth.gender).toBe(byId.get(r.personId)!.gender);
      }
      if (r.noise.includes('birth:typo')) expect(birth.date).not.toBe(byId.get(r.personId)!.birthDate);
      else expect(birth.date).toBe(byId.get(r.personId)!.birthDate);
    }
    expect(rrn).toBeGreaterThan(0);
  });

  it('has namesakes: the same name, another birth date', () => {
    const namesakes = people.filter((p) => p.traits.includes('namesake'));
    expect(share(namesakes.length, PEOPLE)).toBeGreaterThan(0.01);
    for (const p of namesakes) {
      const twin = people.find((q) => q !== p && q.surname === p.surname && q.given === p.given);
      expect(twin).toBeDefined();
      expect(people.filter((q) => q.surname === p.surname && q.given === p.given && q.birthDate === p.birthDate)).toHaveLength(1);
    }
  });

  it('has families sharing a phone: different people, the same mobile or landline', () => {
    const owner = new Map<string, string>();
    for (const p of people) for (const m of p.mobiles) owner.set(e164(m), p.personId);
    const shared = records.filter((r) => r.noise.includes('phone:family'));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) {
      const phones = l1(r).phones.map((p) => p.e164!);
      expect(phones.some((ph) => owner.has(ph) && owner.get(ph) !== r.personId)).toBe(true);
    }
    const landlines = new Map<string, Set<string>>();
    for (const r of records) for (const p of l1(r).phones) if (p.kind === 'landline') landlines.set(p.e164!, (landlines.get(p.e164!) ?? new Set()).add(r.personId));
    expect([...landlines.values()].some((who) => who.size > 1)).toBe(true);
  });

  it('moves, changed emails and numbers show in the newer records only', () => {
    for (const p of people.filter((q) => q.traits.includes('moved'))) {
      const tags = p.records.map((r) => r.noise.includes('address:moved'));
      expect(tags[0]).toBe(false);
      expect(tags.at(-1)).toBe(true);
      expect(tags.indexOf(true)).toBe(tags.lastIndexOf(false) + 1);
    }
    for (const p of people.filter((q) => q.traits.includes('email-changed'))) {
      expect(p.emails).toHaveLength(2);
      expect(p.records[0]!.noise).toContain('email:old');
      expect(p.records.at(-1)!.noise).toContain('email:new');
    }
    expect(people.some((p) => p.traits.includes('legacy-upgraded') && /^01[16789]/.test(p.mobiles[0]!) && p.mobiles[1]!.startsWith('010'))).toBe(true);
  });

  it('noise comes at about its configured rate', () => {
    const traits = (t: string) => share(people.filter((p) => p.traits.includes(t)).length, PEOPLE);
    const noise = (n: string) => share(records.filter((r) => r.noise.includes(n)).length, records.length);
    expect(traits('sources:1')).toBeGreaterThan(0.4);
    expect(traits('sources:2')).toBeGreaterThan(0.3);
    expect(traits('sources:3')).toBeGreaterThan(0.08);
    expect(traits('family:spouse') + traits('family:child')).toBeCloseTo(0.12, 1);
    expect(noise('name:typo')).toBeCloseTo(0.03, 1);
    expect(noise('name:space')).toBeCloseTo(0.04, 1);
    expect(noise('address:sido-alias')).toBeGreaterThan(0.3);
    expect(records.filter((r) => r.source === 'DI' && r.noise.includes('email:missing')).length / records.filter((r) => r.source === 'DI').length).toBeCloseTo(0.35, 1);
  });

  it('the rates can be changed: no noise at all gives clean, complete records', () => {
    const clean = [...simulateRecords({ seed: 1, people: 200, noise: { nameTypo: 0, nameSpace: 0, surnameVariant: 0, corporateMarker: 0, emailCase: 0, birthTypo: 0, family: 0 } })];
    expect(clean.some((r) => r.noise.some((n) => n.startsWith('name:') || n === 'email:case' || n === 'birth:typo' || n === 'phone:family'))).toBe(false);
  });
});
