// Writes customer-service's address-form data from the pinned @countrystatecity/countries package.
// Run through generate.sh (npm ci first); the output is committed, so the Maven build never needs npm.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCountryByCode, getStatesOfCountry, getCitiesOfState } from '@countrystatecity/countries';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../customer-service/src/main/resources/locations/locations.json');

// Australia first (the shop's home); the rest are served alphabetically by name. Why these: README.md.
const COUNTRIES = ['AU', 'NZ', 'GB', 'US', 'CA', 'SG', 'IE', 'ZA'];

// the package does not export its package.json, so it is read from where npm ci put it
const pkg = JSON.parse(readFileSync(resolve(here, 'node_modules/@countrystatecity/countries/package.json'), 'utf8'));

const byName = (a, b) => a.name.localeCompare(b.name, 'en');

const countries = [];
for (const code of COUNTRIES) {
  const country = await getCountryByCode(code);
  if (!country) throw new Error(`country ${code} is not in the dataset`);
  const states = [];
  for (const state of await getStatesOfCountry(code)) {
    const cities = [...new Set((await getCitiesOfState(code, state.iso2)).map((c) => c.name.trim()))]
      .filter((name) => name.length > 0)
      .sort((a, b) => a.localeCompare(b, 'en'));
    // A subdivision without cities is a parent level whose towns sit under its parts (Ireland's provinces, the
    // UK's nations): an address form cannot offer it, so it is left out.
    if (cities.length === 0) continue;
    states.push({ code: state.iso2, iso_code: state.iso3166_2 || `${code}-${state.iso2}`, name: state.name, cities });
  }
  if (states.length === 0) throw new Error(`country ${code} has no states with cities`);
  states.sort(byName);
  countries.push({ code, name: country.name, states });
}
const [home, ...abroad] = countries;
abroad.sort(byName);

const data = {
  dataset: { name: pkg.name, version: pkg.version, licence: pkg.license },
  countries: [home, ...abroad],
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(data) + '\n');
const cityCount = countries.reduce((n, c) => n + c.states.reduce((m, s) => m + s.cities.length, 0), 0);
console.log(`wrote ${out}: ${countries.length} countries, ${cityCount} cities`);
