// A caseworker logs in, opens a case, records an LÆ 265 and sees the missing-evidence list change;
// a draft pension refusal without work functions is blocked with its defect shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a caseworker records an LÆ 265 and it leaves the missing-evidence list', async () => {
  const page = await login(browser, 'sagsbehandler');
  assert.match(new URL(page.url()).pathname, /^\/arbejdsliste/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Mine sager');
  await page.goto(`${base}/sager/DEMO-1`);
  const missing = page.locator('#missing-list');
  assert.match(await missing.textContent(), /LÆ 265/);
  await page.getByRole('link', { name: 'Registrér dokument' }).click();
  await page.getByLabel('Dokumenttype').selectOption('lae265');
  await page.getByLabel('Udstedt den').fill('2026-01-15');
  await page.getByLabel('Udsteder').fill('Egen læge');
  await Promise.all([page.waitForURL(/\/sager\/DEMO-1\?gemt=/), page.getByRole('button', { name: 'Gem' }).click()]);
  assert.match(await page.getByRole('status').textContent(), /Gemt/);
  assert.doesNotMatch(await page.locator('#missing-list').textContent(), /LÆ 265/);
  assert.equal(await page.locator('[data-what="lae265"]').count(), 0);
  assert.match(await page.locator('table.timeline').textContent(), /Lægeattest \(LÆ 265\)/);
});

test('a draft pension refusal without work functions is blocked and its defect shown', async () => {
  const page = await login(browser, 'sagsbehandler');
  await page.goto(`${base}/sager/DEMO-2/afgoerelse`);
  await page.getByLabel('Afgørelsen går ud på').selectOption('afslag_foertidspension');
  await page.getByLabel('Hjemmel (én regel pr. linje)').fill('PL § 16, stk. 2');
  await page.getByLabel('Begrundelse', { exact: false }).first().fill('Din arbejdsevne vurderes ikke at være varigt nedsat.');
  await page.getByRole('button', { name: 'Kontrollér udkastet' }).click();
  const defects = page.locator('#defect-list');
  await defects.waitFor();
  assert.match(await defects.textContent(), /arbejdsfunktion/i);
  assert.equal(await page.getByRole('button', { name: 'Send afgørelsen' }).isDisabled(), true);
  assert.match(await page.locator('#draft-check').textContent(), /kan ikke sendes/);
});
