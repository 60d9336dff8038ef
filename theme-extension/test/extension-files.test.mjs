// Checks on the extension's files that hold before Shopify's theme-check runs (issue 14, part 3): translations in
// step, every key used present, the module CSP-clean and within its size.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const root = new URL('../', import.meta.url)
const read = (path) => readFileSync(new URL(path, root), 'utf8')
const json = (path) => JSON.parse(read(path))
const liquidFiles = ['blocks', 'snippets'].flatMap((dir) => readdirSync(new URL(`${dir}/`, root))
  .filter((f) => f.endsWith('.liquid')).map((f) => `${dir}/${f}`))
const liquid = Object.fromEntries(liquidFiles.map((f) => [f, read(f)]))
const moduleSource = read('assets/lavish-storefront.js')

/** Every leaf of a locale file as a dotted key → string. */
function leaves(object, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(object)) {
    if (typeof v === 'string') out[prefix + k] = v
    else leaves(v, `${prefix}${k}.`, out)
  }
  return out
}
const placeholders = (text) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g)].map((m) => m[1] || m[2]).sort()

const en = leaves(json('locales/en.default.json'))
const fr = leaves(json('locales/fr.json'))
const enSchema = leaves(json('locales/en.default.schema.json'))
const frSchema = leaves(json('locales/fr.schema.json'))

test('theFrenchLocalesHaveExactlyTheEnglishKeys', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort())
  assert.deepEqual(Object.keys(frSchema).sort(), Object.keys(enSchema).sort())
})

test('everyTranslationFillsTheSamePlaceholdersInBothLanguages', () => {
  for (const [key, text] of Object.entries(en)) {
    assert.deepEqual(placeholders(fr[key]), placeholders(text), key)
  }
})

test('everyKeyTheLiquidTranslatesExistsInTheDefaultLocale', () => {
  let used = 0
  for (const [file, text] of Object.entries(liquid)) {
    for (const m of text.matchAll(/'([a-z0-9_.]+)'\s*\|\s*t\b/g)) {
      used++
      assert.ok(m[1] in en, `${file}: ${m[1]} is not in locales/en.default.json`)
    }
  }
  assert.ok(used > 50)
})

test('theTextsBlobCarriesEveryModuleTextUnderItsOwnKey', () => {
  const blob = liquid['snippets/lavish-portal-texts.liquid']
  const entries = [...blob.matchAll(/"([^"]+)": \{\{ '([^']+)' \| t \| json \}\}/g)]
  const moduleKeys = Object.keys(en).filter((k) => k.startsWith('lavish.portal.js.'))
  assert.deepEqual(entries.map((m) => `lavish.portal.js.${m[1]}`).sort(), moduleKeys.sort())
  for (const [, key, translated] of entries) assert.equal(translated, `lavish.portal.js.${key}`)
})

test('everyTextTheModuleAsksForIsInTheBlob', () => {
  const blob = new Set(Object.keys(en).filter((k) => k.startsWith('lavish.portal.js.'))
    .map((k) => k.slice('lavish.portal.js.'.length).replace(/_(one|other)$/, '')))
  const literal = [...moduleSource.matchAll(/\bt\('([a-z_.]+)'/g)].map((m) => m[1])
  const grouped = [...moduleSource.matchAll(/\bt\(`([a-z_]+)\.\$\{/g)].map((m) => `${m[1]}.other`)
  assert.ok(literal.length > 20 && grouped.length >= 4)
  for (const key of [...literal, ...grouped]) assert.ok(blob.has(key), `${key} is not in the texts blob`)
})

test('blockSchemasParseAndNameTheirSettingsInBothSchemaLocales', () => {
  for (const file of liquidFiles.filter((f) => f.startsWith('blocks/'))) {
    const body = liquid[file].match(/\{% schema %\}([\s\S]*?)\{% endschema %\}/)
    assert.ok(body, `${file} has a schema`)
    const schema = JSON.parse(body[1])
    assert.equal(schema.target, 'section', file)
    assert.ok(existsSync(new URL(`assets/${schema.stylesheet}`, root)), `${file}: ${schema.stylesheet}`)
    const keys = JSON.stringify(schema).match(/"t:[^"]+"/g).map((k) => k.slice(3, -1))
    for (const key of keys) {
      assert.ok(key in enSchema && key in frSchema, `${file}: ${key}`)
    }
    // Shopify's theme-check (ValidSchemaName) allows 25 characters
    assert.ok(enSchema[schema.name.slice(2)].length <= 25, `${file}: name too long`)
    const ids = schema.settings.map((s) => s.id)
    assert.equal(new Set(ids).size, ids.length, `${file}: setting ids are unique`)
  }
})

test('everySnippetRenderedExistsAndEverySnippetIsRendered', () => {
  const rendered = new Set(Object.values(liquid).flatMap((text) => [...text.matchAll(/\{%-?\s*render '([^']+)'/g)]
    .map((m) => `snippets/${m[1]}.liquid`)))
  const snippets = liquidFiles.filter((f) => f.startsWith('snippets/'))
  assert.deepEqual([...rendered].sort(), snippets.sort())
})

test('thePagesCarryNoInlineScriptOnlyJsonDataAndTheModule', () => {
  for (const [file, text] of Object.entries(liquid)) {
    for (const [tag] of text.matchAll(/<script\b[^>]*>/g)) {
      const data = /type="application\/json"/.test(tag)
      const module = /type="module"/.test(tag) && /src="\{\{ 'lavish-storefront\.js' \| asset_url \}\}"/.test(tag)
      assert.ok(data || module, `${file}: ${tag}`)
    }
    assert.doesNotMatch(text, /\son[a-z]+=/i, `${file} has an inline event handler`)
    assert.doesNotMatch(text, /\{%-?\s*(javascript|stylesheet|include|layout|section)\b/, `${file}: a tag app blocks may not use`)
  }
})

test('theModuleBuildsNoCodeOrMarkupFromStrings', () => {
  for (const banned of [/\binnerHTML\b/, /\bouterHTML\b/, /insertAdjacentHTML/, /\beval\s*\(/, /new Function/,
    /document\.write/, /setTimeout\(\s*['"`]/, /createContextualFragment/]) {
    assert.doesNotMatch(moduleSource, banned)
  }
})

test('theModuleIsAtMostFifteenKilobytesGzipped', () => {
  const size = gzipSync(Buffer.from(moduleSource), { level: 9 }).length
  assert.ok(size <= 15 * 1024, `${size} bytes gzipped`)
})

test('everyClassTheLiquidUsesIsInTheStylesheet', () => {
  const css = read('assets/lavish-storefront.css')
  const used = new Set(Object.values(liquid).flatMap((text) => [...text.matchAll(/class="([^"{]+)/g)]
    .flatMap((m) => m[1].split(/\s+/).filter(Boolean))))
  const missing = [...used].filter((c) => !new RegExp(`\\.${c}(?![\\w-])`).test(css))
  assert.deepEqual(missing, [])
})

test('noIdFromTheApiIsTurnedIntoANumber', () => {
  // Number() appears once, for the quantity a customer typed, and once for an index into the saved addresses
  const numbers = [...moduleSource.matchAll(/\b(Number|parseInt|parseFloat)\(([^)]*)\)/g)].map((m) => m[0])
  assert.deepEqual(numbers.filter((n) => /\bid\b|_id|\.id\b/.test(n)), [])
})
