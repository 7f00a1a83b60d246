// Shared by the browser tests: the server's address, the demo logins, a browser and a login step.
import { chromium } from 'playwright-core';

export const base = process.env.E2E_BASE ?? 'http://127.0.0.1:8080';
export const passwords = JSON.parse(process.env.E2E_PASSWORDS ?? '{}');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Logs in through the login form, as a person would, and returns the page. */
export async function login(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1300 }, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Brugernavn').fill(user);
  await page.getByLabel('Adgangskode').fill(passwords[user]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Log ind' }).click()]);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}
