// Opens the HTML report in Debian's Chromium, offline, and checks it as a
// reader would use it:
//
//   node report.mjs REPORT.html SHOTS_DIR
//
// - no console error, no page error, no request leaving the file;
// - the picture is there, and searching "687" highlights S/RES/687(1991);
// - clicking that vertex lists the documents citing it;
// - the ranking sorts by year and filters by body; the chart has bars.
// Screenshots go to SHOTS_DIR. Prints "ok"/"FAIL" per check; exits 1 when
// any check failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [report, shots] = process.argv.slice(2);
if (!report || !shots) {
  console.error('usage: node report.mjs REPORT.html SHOTS_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'citegraph-chromium-'));
let failed = 0;
const ok = (what) => console.log(`ok   ${what}`);
const fail = (what) => { failed++; console.log(`FAIL ${what}`); };
const check = (cond, what, why = '') => (cond ? ok(what) : fail(why ? `${what}: ${why}` : what));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('about:')) r.continue();
    else { errors.push(`network: ${u}`); r.abort(); }
  });
  await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
  await page.screenshot({ path: path.join(shots, 'report-opened.png'), fullPage: true });

  const nodes = await page.$$eval('#canvas svg g.node', (g) => g.length);
  check(nodes > 0, `the picture has vertices (${nodes})`);
  const idx = await page.evaluate(() =>
    JSON.parse(document.getElementById('data').textContent).vertices
      .findIndex((v) => v[0] === 'S/RES/687(1991)'));
  check(idx >= 0, 'S/RES/687(1991) is in the report data');

  await page.type('#search', '687');
  const hit = await page.evaluate((i) => {
    const g = document.getElementById('v' + i);
    return g ? g.classList.contains('hit') : null;
  }, idx);
  check(hit === true, 'searching "687" highlights S/RES/687(1991) in the picture',
    hit === null ? 'not in the picture' : 'not highlighted');
  const hits = await page.$eval('#hits', (e) => e.textContent);
  check(/found/.test(hits), `the search says what it found (${hits})`);
  await page.screenshot({ path: path.join(shots, 'report-search-687.png') });

  const node = await page.$(`#v${idx}`);
  if (node) await node.click();
  const title = await page.$eval('#panel', (p) => (p.querySelector('#panel-title') || {}).textContent || '');
  check(title === 'SC 687 (1991)', 'clicking it opens its panel', `panel title '${title}'`);
  const citers = await page.$$eval('#citers li', (li) => li.map((x) => x.textContent));
  check(citers.length > 0, `the panel lists its citers (${citers.length}: ${citers.slice(0, 3).join('; ')} ...)`);
  const links = await page.$$eval('#citers a.doc', (a) => a.map((x) => x.href));
  check(links.length > 0 && links.every((h) => h.startsWith('https://undocs.org/S/RES/')),
    'the citers link to their documents at https://undocs.org/', links.slice(0, 2).join(' '));
  await page.screenshot({ path: path.join(shots, 'report-click-687.png') });

  // The ranking: sort by year, filter by body.
  await page.click('th[data-key="year"]');
  const years = await page.$$eval('#table tbody tr', (rows) =>
    rows.map((r) => parseInt(r.children[5].textContent, 10) || 0));
  const sorted = years.every((y, i) => i === 0 || years[i - 1] >= y);
  check(years.length > 0 && sorted, `the ranking sorts by year (${years.length} rows)`);
  await page.select('#f-body', 'GA');
  const bodies = await page.$$eval('#table tbody tr', (rows) => rows.map((r) => r.children[4].textContent));
  check(bodies.length > 0 && bodies.every((b) => b === 'GA'), `the ranking filters by body (${bodies.length} GA rows)`);
  const bars = await page.$$eval('#chart rect', (r) => r.length);
  check(bars > 0, `the chart of citations per year has bars (${bars})`);
  await page.screenshot({ path: path.join(shots, 'report-ranking.png'), fullPage: true });

  check(errors.length === 0, 'no console error, page error or network request', errors.slice(0, 5).join(' | '));
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`browser: ${failed ? 'FAIL' : 'all checks passed'}`);
process.exit(failed ? 1 : 0);
