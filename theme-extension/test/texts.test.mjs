// The module's texts: looked up in the blob Liquid renders from the locale, with plural forms and fallbacks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lookupText } from '../assets/lavish-storefront.js'

const en = {
  items_one: '{count} item',
  items_other: '{count} items',
  'fin.paid': 'Paid',
  'fin.other': 'Payment: {value}',
  pending: 'Waiting for Shopify to confirm: {action}.',
  'interval.month_one': 'every month',
  'interval.month_other': 'every {count} months',
  'interval.other': 'every {count} × {value}',
}

test('fillsPlaceholdersFromTheValuesGiven', () => {
  assert.equal(lookupText(en, 'pending', { action: 'pause' }), 'Waiting for Shopify to confirm: pause.')
})

test('choosesThePluralFormByTheLocalesRules', () => {
  assert.equal(lookupText(en, 'items', { count: 1 }), '1 item')
  assert.equal(lookupText(en, 'items', { count: 3 }), '3 items')
  assert.equal(lookupText(en, 'items', { count: 0 }), '0 items')
  // French counts 0 as singular
  const fr = { items_one: '{count} article', items_other: '{count} articles' }
  assert.equal(lookupText(fr, 'items', { count: 0 }, 'fr'), '0 article')
  // and 1000000 as "many", which falls back to "other"
  assert.equal(lookupText(fr, 'items', { count: 1000000 }, 'fr'), '1000000 articles')
})

test('aStatusWithNoWordsYetFallsBackToItsGroupsOtherText', () => {
  assert.equal(lookupText(en, 'fin.paid', { value: 'paid' }), 'Paid')
  assert.equal(lookupText(en, 'fin.expired', { value: 'expired' }), 'Payment: expired')
  assert.equal(lookupText(en, 'interval.fortnight', { count: 2, value: 'fortnight' }), 'every 2 × fortnight')
})

test('aKeyWithNoTextAtAllShowsTheRawValueOrElseTheKey', () => {
  assert.equal(lookupText({}, 'sub.dormant', { value: 'dormant' }), 'dormant')
  assert.equal(lookupText({}, 'orders_empty'), 'orders_empty')
})

test('aTranslationShopifyReportsMissingCountsAsAbsent', () => {
  const texts = { 'fin.refunded': 'Translation missing: fr.lavish.portal.js.fin.refunded', 'fin.other': 'Paiement : {value}' }
  assert.equal(lookupText(texts, 'fin.refunded', { value: 'refunded' }, 'fr'), 'Paiement : refunded')
})

test('leavesAPlaceholderWithoutAValueAsItIsAndNeverParsesMarkup', () => {
  assert.equal(lookupText(en, 'pending', {}), 'Waiting for Shopify to confirm: {action}.')
  assert.equal(lookupText(en, 'pending', { action: '<img src=x onerror=alert(1)>' }),
    'Waiting for Shopify to confirm: <img src=x onerror=alert(1)>.')
})

test('anUnknownLocaleFallsBackToTheOtherForm', () => {
  assert.equal(lookupText(en, 'items', { count: 1 }, 'not a locale!'), '1 items')
})
