// A citizen sees only their own plan; a caseworker from another unit is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a citizen sees their own plan and nothing else', async () => {
  const page = await login(browser, 'borger');
  assert.equal(new URL(page.url()).pathname, '/min-plan');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Min plan');
  for (const heading of ['Dit mål', 'Det næste, der skal ske', 'Det venter vi på', 'Din kontaktperson', 'Dokumenter i din sag', 'Afgørelser']) {
    assert.equal(await page.getByRole('heading', { name: heading }).count(), 1, heading);
  }
  const other = await page.goto(`${base}/sager/DEMO-2`);
  assert.equal(other.status(), 403);
  const own = await page.goto(`${base}/sager/DEMO-1`);
  assert.equal(own.status(), 403, 'the caseworker page is not for citizens, not even their own case');
  const api = await page.goto(`${base}/api/cases/DEMO-2`);
  assert.equal(api.status(), 403);
});

test('a caseworker from another unit is refused', async () => {
  const page = await login(browser, 'sagsbehandler-cab');
  const response = await page.goto(`${base}/sager/DEMO-1`);
  assert.equal(response.status(), 403);
  assert.match(await page.locator('main').textContent(), /hører ikke til din enhed/);
  assert.doesNotMatch(await page.content(), /Tidslinje/);
});
