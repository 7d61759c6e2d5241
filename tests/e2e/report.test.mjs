// "Stadt melden": field messages for an invalid report; a valid one becomes JSON that the
// native validator accepts (checked by running it through the xtask `validate-entry` command).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { useApp, axe } from './harness.mjs';

const app = useApp();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('an invalid report gets a message at each field and a summary that links to them', async () => {
  const page = await app.open('/report');
  await page.getByRole('heading', { level: 1, name: 'Stadt oder Land melden' }).waitFor();
  await page.getByLabel('Name der Stadt oder des Landes *').fill('Bad Vilbel');
  await page.getByLabel('Breitengrad *').fill('nördlich');
  await page.getByLabel('Öffentliche Quelle (Adresse) *').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Prüfen' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Bitte prüfen Sie diese Angaben/);
  const lat = page.getByLabel('Breitengrad *');
  assert.equal(await lat.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#lat-error').textContent(), /Zahl/);
  assert.match(await page.locator('#source-url-error').textContent(), /keine http\(s\)-Adresse/);
  assert.match(await page.locator('#land-error').textContent(), /.+/);
  assert.equal(await page.getByLabel('Name der Stadt oder des Landes *').getAttribute('aria-invalid'), 'false');
  // The summary's links lead to the fields.
  await summary.getByRole('link', { name: /^Breitengrad/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lat');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('a valid report becomes JSON the native validator accepts, with a prefilled mail link', async () => {
  const page = await app.open('/report', { width: 360, height: 740 });
  await page.getByLabel('Name der Stadt oder des Landes *').fill('Bad Vilbel');
  await page.getByLabel('Art *').selectOption('city');
  await page.getByLabel('Bundesland *').selectOption('DE-HE');
  await page.getByLabel('Breitengrad *').fill('50,1781');
  await page.getByLabel('Längengrad *').fill('8,7366');
  await page.getByLabel('Organisationsform *').selectOption('staff_unit');
  await page.getByLabel('Bezeichnung des Amts oder der Stelle *').fill('Stabsstelle Digitalisierung');
  await page.getByLabel('Eingerichtet (freiwillig)').fill('2022');
  await page.getByLabel('Öffentliche Quelle (Adresse) *').fill('https://www.bad-vilbel.de/digital');
  await page.getByRole('button', { name: 'Prüfen' }).click();
  const json = page.getByTestId('report-json');
  await json.waitFor();
  const entry = JSON.parse(await json.textContent());
  assert.equal(entry.id, 'bad-vilbel');
  assert.equal(entry.coordinates.lat, 50.1781);
  const verdict = execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', 'validate-entry'], {
    cwd: root,
    input: JSON.stringify(entry),
    encoding: 'utf8',
  });
  assert.match(verdict, /^valid: bad-vilbel/);
  const mail = await page.getByRole('link', { name: 'Als E-Mail vorbereiten' }).getAttribute('href');
  assert.ok(mail.startsWith('mailto:?subject='));
  assert.equal(JSON.parse(decodeURIComponent(mail.split('&body=')[1])).id, 'bad-vilbel');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll at 360 px');
  await page.context().close();
});
