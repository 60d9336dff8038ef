// One Idempotency-Key per click: kept across the retries of that click, never shared by two changes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiError, ClickKeys, isRetryable, withRetries } from '../assets/lavish-storefront.js'

const counter = () => {
  let n = 0
  return () => `key-${++n}`
}

test('theRetriesOfOneClickSendTheSameKey', async () => {
  const keys = new ClickKeys(counter())
  const change = 'POST subscriptions/402440842/pause null'
  const key = keys.begin(change)
  const sent = []
  const answer = await withRetries(async () => {
    sent.push(key)
    if (sent.length === 1) throw new TypeError('Failed to fetch')
    if (sent.length === 2) throw new ApiError(503, { detail: 'try again' })
    return { status: 'active', pending: { action: 'pause' } }
  }, { sleep: async () => {} })
  assert.deepEqual(sent, ['key-1', 'key-1', 'key-1'])
  assert.deepEqual(answer.pending, { action: 'pause' })
})

test('aSecondClickWhileTheFirstIsOnItsWayIsIgnored', () => {
  const keys = new ClickKeys(counter())
  const change = 'POST subscriptions/402440842/skip null'
  assert.equal(keys.begin(change), 'key-1')
  assert.equal(keys.begin(change), null)
})

test('aClickAfterAnAnsweredOneGetsANewKey', () => {
  const keys = new ClickKeys(counter())
  const change = 'POST subscriptions/402440842/skip null'
  keys.begin(change)
  keys.end(change, true)
  assert.equal(keys.begin(change), 'key-2')
})

test('aClickAfterOneThatGotNoAnswerReusesItsKey', () => {
  // the first request may have reached the server before the connection broke: the server must see it again
  const keys = new ClickKeys(counter())
  const change = 'POST subscriptions/402440842/cancel null'
  keys.begin(change)
  keys.end(change, false)
  assert.equal(keys.begin(change), 'key-1')
})

test('twoDifferentChangesNeverShareAKey', () => {
  const keys = new ClickKeys(counter())
  const a = keys.begin('PATCH subscriptions/402440842 {"quantity":2}')
  const b = keys.begin('PATCH subscriptions/402440842 {"quantity":3}')
  assert.notEqual(a, b)
})

test('keysAreRandomUuidsByDefault', () => {
  const keys = new ClickKeys()
  const a = keys.begin('x')
  const b = keys.begin('y')
  assert.match(a, /^[0-9a-f-]{36}$/)
  assert.notEqual(a, b)
})

test('onlyNetworkFailuresLimitsAndGatewaysAreRetried', () => {
  assert.equal(isRetryable(new TypeError('Failed to fetch')), true)
  for (const status of [429, 502, 503, 504]) assert.equal(isRetryable(new ApiError(status)), true, String(status))
  for (const status of [400, 401, 404, 409, 422, 500]) assert.equal(isRetryable(new ApiError(status)), false)
  assert.equal(isRetryable(Object.assign(new Error('aborted'), { name: 'AbortError' })), false)
})

test('aRefusalIsNotRetriedAndRetriesStopAfterTheLastTry', async () => {
  let tries = 0
  await assert.rejects(withRetries(async () => {
    tries++
    throw new ApiError(409, { detail: 'a change to this subscription is still waiting for Shopify' })
  }, { sleep: async () => {} }), (e) => e.status === 409)
  assert.equal(tries, 1)
  tries = 0
  await assert.rejects(withRetries(async () => {
    tries++
    throw new ApiError(503)
  }, { tries: 3, sleep: async () => {} }))
  assert.equal(tries, 3)
})

test('retriesWaitRetryAfterWhenTheServerSaysAndGrowOtherwise', async () => {
  const pauses = []
  let n = 0
  await withRetries(async () => {
    n++
    if (n === 1) throw new ApiError(429, {}, 7)
    if (n === 2) throw new TypeError('Failed to fetch')
    return 'ok'
  }, { pause: 800, sleep: async (ms) => { pauses.push(ms) } })
  assert.deepEqual(pauses, [7000, 1600])
})
