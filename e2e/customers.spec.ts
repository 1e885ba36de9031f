import { expect, test, type Page } from '@playwright/test';
import { DEMO_CUSTOMERS } from '../prisma/demo-data';
import { openFromMenu, signInByApi } from './helpers';

// The product under test runs every worker and Kafka Connect: a support desk contact added on its page reaches the
// linker through Debezium (CDC), nothing is inserted by the test. The seeded sales-desk customer 박지호 is mirrored
// into the DI source; the contact has the same name and phone, written another way.

const person = DEMO_CUSTOMERS.find((c) => c.name === '박지호')!; // 010-4567-8901
const digits = person.phone.replace(/\D/g, ''); // 01045678901
const e164 = `+82${digits.slice(1)}`;
const typedByAgent = `+82 10 ${digits.slice(3, 7)} ${digits.slice(7)}`; // +82 10 4567 8901

interface Hit { profileId: string; records: number }
const api = async <T,>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
};
const profileOf = (page: Page, id: string) => api<{ id: string; records: { key: string }[] }>(page, `/api/identity/profiles/${id}`);
const hitsByPhone = async (page: Page) => (await api<{ hits: Hit[] }>(page, `/api/identity/search?q=${encodeURIComponent(person.phone)}`)).hits;

/** The profile holding a record, once the linker has it. */
async function profileHolding(page: Page, key: string): Promise<string> {
  let id = '';
  await expect(async () => {
    for (const h of await hitsByPhone(page)) {
      if ((await profileOf(page, h.profileId)).records.some((r) => r.key === key)) { id = h.profileId; return; }
    }
    throw new Error(`${key} is in no profile yet`);
  }).toPass({ timeout: 180_000, intervals: [1_000, 2_000, 5_000] });
  return id;
}

test.describe('staff Customers (Customer 360)', () => {
  test('a support contact links to the sales desk’s customer; search, why linked, split and merge back', async ({ browser }) => {
    test.setTimeout(300_000);
    const staff = await signInByApi(browser, /^Staff/);
    // contacts of an earlier run that did not get to its clean-up
    for (const c of (await api<{ contacts: { contactId: string; phones: string[] }[] }>(staff, `/api/identity/support-contacts?q=${encodeURIComponent(typedByAgent)}`)).contacts) {
      expect((await staff.request.delete(`/api/identity/support-contacts/${c.contactId}`)).status()).toBe(200);
    }

    await openFromMenu(staff, 'Customers');
    await expect(staff.getByRole('heading', { name: 'Live figures' })).toBeVisible();
    await expect(staff.getByRole('heading', { name: 'Connector' })).toBeVisible();

    // the support desk: a wrong field is named, what was typed stays; then the contact is added
    await staff.getByRole('navigation', { name: 'Customers' }).getByRole('link', { name: 'Support desk contacts' }).click();
    const form = staff.getByRole('form', { name: 'New support contact' });
    await staff.locator('form[data-hydrated][aria-label="New support contact"]').waitFor();
    await form.getByLabel('Name').fill(person.name);
    await form.getByLabel(/^Phones/).fill('call me');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await expect(form.getByLabel(/^Phones/)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/Each phone: digits/)).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue(person.name);
    await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel(/^Phones/).fill(typedByAgent);
    await form.getByRole('button', { name: 'Add contact' }).click();
    const added = form.getByRole('status');
    await expect(added).toHaveText(new RegExp(`Support contact \\d+ ${person.name} added`));
    const contactId = (await added.textContent())!.match(/Support contact (\d+)/)![1]!;
    const cxKey = `CX:${contactId}`;
    await expect(staff.getByTestId('cx-contacts').locator(`tr[data-contact-id="${contactId}"]`)).toContainText(typedByAgent);

    // CDC -> linker: the contact joins the customer's profile
    const profileId = await profileHolding(staff, cxKey);

    // search by phone, written a third way
    await staff.getByRole('navigation', { name: 'Customers' }).getByRole('link', { name: 'Overview & search' }).click();
    const search = staff.getByRole('search', { name: 'Search customers' });
    await search.getByLabel('Name, phone or email').fill(`${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(staff.getByTestId('search-kind')).toContainText('Searched by phone');
    const phoneRow = staff.getByTestId('search-results').locator(`tr[data-profile-id="${profileId}"]`);
    await expect(phoneRow).toContainText(`phone ${e164}`);

    // by name, with a space and a typo in a vowel (박 지후)
    await search.getByLabel('Name, phone or email').fill(`${person.name[0]} ${person.name[1]}후`);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(staff.getByTestId('search-kind')).toContainText('Searched by name');
    const nameRow = staff.getByTestId('search-results').locator(`tr[data-profile-id="${profileId}"]`);
    await expect(nameRow).toContainText(new RegExp(`name ${person.name} \\(0\\.\\d+\\)`));

    // the profile: both records, and the line of the rule that linked them
    await nameRow.getByRole('link', { name: person.name }).click();
    await expect(staff.getByRole('heading', { name: person.name, level: 1 })).toBeVisible();
    const records = staff.getByTestId('records');
    await expect(records.locator(`tr[data-record="${cxKey}"]`)).toContainText(typedByAgent);
    await expect(records.locator('tr[data-record^="DI:C"]')).toContainText(person.phone);
    const pair = staff.getByRole('list', { name: 'Linked pairs' }).locator('li[data-pair]').filter({ hasText: cxKey }).first();
    await expect(pair).toContainText('Linked by R1');
    await expect(pair).toContainText(new RegExp(`phone .+ = .+: both \\${e164}`));
    await expect(pair).toContainText(/name .+ ~ .+: Jaro-Winkler/);

    const before = (await hitsByPhone(staff)).length;

    // split the support contact off: a wrong field first
    const split = staff.getByRole('form', { name: 'Split: not the same person' });
    await staff.locator('form[data-hydrated][aria-label="Split: not the same person"]').waitFor();
    await split.getByLabel('Why (kept with the decision)').fill('x');
    await split.getByRole('button', { name: 'Split off' }).click();
    await expect(split.getByLabel('Why (kept with the decision)')).toHaveAttribute('aria-invalid', 'true');
    await expect(split.getByText('Choose the records that are another person.')).toBeVisible();
    await expect(split.getByLabel('Why (kept with the decision)')).toHaveValue('x');
    await split.getByRole('checkbox', { name: new RegExp(cxKey) }).check();
    await split.getByLabel('Why (kept with the decision)').fill('동명이인: 고객 확인');
    await split.getByRole('button', { name: 'Split off' }).click();
    await expect(split.getByRole('status')).toContainText(`Split: ${cxKey} is now profile`);
    const history = staff.getByTestId('history');
    await expect(history.locator('li[data-type="split"]').first()).toContainText('동명이인: 고객 확인');

    // two profiles now: the support contact's and the sales desk customer's
    expect(await hitsByPhone(staff)).toHaveLength(before + 1);
    const cxProfile = (await split.getByRole('status').textContent())!.match(/now profile ([0-9a-f]{32})/)![1]!;
    const here = (await staff.getByTestId('profile-id').textContent())!.trim();
    const other = cxProfile !== here ? cxProfile : await profileHolding(staff, `DI:C${person.id}`);
    expect(other).not.toBe(here);

    // merge them back: a wrong id, then the split that keeps them apart, then lifted
    const merge = staff.getByRole('form', { name: 'Merge with another profile' });
    await staff.locator('form[data-hydrated][aria-label="Merge with another profile"]').waitFor();
    await merge.getByLabel('Other profile id').fill('not-an-id');
    await merge.getByLabel('Why (kept with the decision)').fill('같은 고객: 전화로 재확인');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(merge.getByLabel('Other profile id')).toHaveAttribute('aria-invalid', 'true');
    await expect(merge.getByText('A profile id is 32 hexadecimal characters.')).toBeVisible();
    await merge.getByLabel('Other profile id').fill(other);
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(merge.getByText(/A staff split keeps these profiles apart/)).toBeVisible();
    await merge.getByRole('checkbox', { name: /Lift the split/ }).check();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(merge.getByRole('status')).toContainText('Merged:');
    const merged = (await merge.getByRole('status').textContent())!.match(/now profile ([0-9a-f]{32})/)![1]!;
    expect((await profileOf(staff, merged)).records.map((r) => r.key)).toContain(cxKey);
    await staff.goto(`/staff/customers/${merged}`);
    await expect(staff.getByTestId('history').locator('li[data-type="merged"]').first()).toContainText('같은 고객: 전화로 재확인');
    await expect(staff.getByTestId('history').locator('li[data-type="split"]').first()).toContainText('동명이인: 고객 확인');

    // erase names its wrong field (and erases nothing)
    const erase = staff.getByRole('form', { name: 'Erase this person' });
    await staff.locator('form[data-hydrated][aria-label="Erase this person"]').waitFor();
    await erase.getByLabel('Why', { exact: true }).fill('e2e: only the confirmation is checked');
    await erase.getByLabel('Type ERASE to confirm').fill('erase');
    await erase.getByRole('button', { name: 'Erase' }).click();
    await expect(erase.getByLabel('Type ERASE to confirm')).toHaveAttribute('aria-invalid', 'true');
    await expect(erase.getByText(/Type ERASE to confirm: this cannot be undone/)).toBeVisible();

    // clean up on the support desk page: the contact is deleted (and leaves the profile through CDC)
    await staff.goto(`/staff/customers/support-contacts?q=${encodeURIComponent(typedByAgent)}`);
    await staff.getByRole('button', { name: `Delete ${contactId} ${person.name}` }).click();
    await expect(staff.getByRole('status')).toHaveText(`Support contact ${contactId} deleted.`);
    await expect(staff.getByTestId('cx-contacts')).toHaveCount(0);
  });

  test('the match rules the linker runs are shown, read-only, with their guards', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    await staff.goto('/staff/customers');
    await staff.getByRole('navigation', { name: 'Customers' }).getByRole('link', { name: 'Match rules' }).click();
    const rules = staff.getByRole('table', { name: 'Match rules' });
    for (const id of ['R1', 'R2', 'R3']) await expect(rules.getByRole('rowheader', { name: id, exact: true })).toBeVisible();
    await expect(rules.getByRole('row', { name: /^R1/ })).toContainText('Jaro-Winkler ≥ 0.94');
    await expect(staff.getByText(/held for review instead of merged/)).toBeVisible();
    await expect(staff.getByRole('textbox')).toHaveCount(0); // nothing to edit here
  });
});
