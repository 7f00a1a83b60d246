// Screenshots for the README: the caseworker's case page and the citizen's "Min plan".
// Written only when E2E_SCREENSHOTS names a folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, login } from './helpers.mjs';

const dir = process.env.E2E_SCREENSHOTS;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the case page and Min plan render for screenshots', { skip: !dir && 'E2E_SCREENSHOTS not set' }, async () => {
  const caseworker = await login(browser, 'sagsbehandler');
  await caseworker.goto(`${base}/sager/DEMO-2`);
  await caseworker.screenshot({ path: `${dir}/case-page.png`, fullPage: false });
  const citizen = await login(browser, 'borger');
  await citizen.setViewportSize({ width: 900, height: 1100 });
  await citizen.goto(`${base}/min-plan`);
  await citizen.screenshot({ path: `${dir}/min-plan.png`, fullPage: true });
  assert.ok(true);
});
