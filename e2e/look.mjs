import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8099';
const [user, pass, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base + '/login');
await page.fill('input[name=user]', user);
await page.fill('input[name=password]', pass);
await page.click('button[type=submit]');
for (const p of paths) {
  await page.goto(base + p);
  const name = (user + p).replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
  console.log(name);
}
await browser.close();
