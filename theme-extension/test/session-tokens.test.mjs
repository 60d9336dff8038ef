// When the module asks for a session token, and how the live order stream resumes across connections and tokens.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ApiError, SessionTokens, StorefrontApi, followEvents, needsFreshToken, tokenFrom,
} from '../assets/lavish-storefront.js'

const json = (status, body, headers = {}) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
})

/** A fake fetch: answers in order of the handlers whose path matches; records every request. */
function fakeFetch(routes) {
  const calls = []
  const fn = async (url, init = {}) => {
    calls.push({ url, ...init, headers: { ...(init.headers || {}) } })
    for (const [match, answer] of routes) {
      if (url.includes(match)) return answer(calls.filter((c) => c.url.includes(match)).length, init)
    }
    throw new TypeError('no route for ' + url)
  }
  return { fn, calls }
}

test('aTokenIsRenewedThirtySecondsBeforeItExpires', () => {
  const token = tokenFrom({ token: 'a', token_type: 'Bearer', expires_in: 600 }, 1_000_000)
  assert.equal(token.expiresAt, 1_600_000)
  assert.equal(needsFreshToken(token, 1_000_000 + 569_999), false)
  assert.equal(needsFreshToken(token, 1_000_000 + 570_000), true)
  assert.equal(needsFreshToken(null, 0), true)
})

test('aShortLivedTokenIsRenewedHalfwayRatherThanAtOnce', () => {
  const token = tokenFrom({ token: 'a', expires_in: 20 }, 0)
  assert.equal(needsFreshToken(token, 9_999), false)
  assert.equal(needsFreshToken(token, 10_000), true)
})

test('anAnswerWithoutATokenIsAnError', () => {
  assert.throws(() => tokenFrom({ expires_in: 600 }, 0))
})

test('callsWaitingAtOnceShareOneTokenRequest', async () => {
  const { fn, calls } = fakeFetch([['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })]])
  const tokens = new SessionTokens('/apps/lavish/session', fn, () => 0)
  const got = await Promise.all([tokens.get(), tokens.get(), tokens.get()])
  assert.deepEqual(got, ['t1', 't1', 't1'])
  assert.equal(calls.length, 1)
  // the proxy takes a change only as JSON
  assert.equal(calls[0].method, 'POST')
  assert.equal(calls[0].headers['Content-Type'], 'application/json')
})

test('anExpiredTokenIsReplacedBeforeTheNextCall', async () => {
  let now = 0
  const { fn, calls } = fakeFetch([
    ['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })],
    ['/api/customers/me', () => json(200, { id: '706405506930370084' })],
  ])
  const api = new StorefrontApi({ apiBase: 'https://api.example.com/', fetch: fn, now: () => now })
  await api.call('GET', 'customers/me')
  now = 599_000
  await api.call('GET', 'customers/me')
  const sent = calls.filter((c) => c.url.endsWith('/api/customers/me')).map((c) => c.headers.Authorization)
  assert.deepEqual(sent, ['Bearer t1', 'Bearer t2'])
  assert.equal(calls.filter((c) => c.url.includes('/session')).length, 2)
})

test('a401WithTheCurrentTokenFetchesAFreshOneAndTriesOnceMore', async () => {
  const { fn, calls } = fakeFetch([
    ['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })],
    ['/api/subscriptions', (n) => (n === 1 ? json(401, { status: 401, detail: 'token expired' })
      : json(200, { subscriptions: [] }))],
  ])
  const api = new StorefrontApi({ apiBase: 'https://api.example.com', fetch: fn, now: () => 0 })
  assert.deepEqual(await api.call('GET', 'subscriptions'), { subscriptions: [] })
  const sent = calls.filter((c) => c.url.includes('/api/subscriptions')).map((c) => c.headers.Authorization)
  assert.deepEqual(sent, ['Bearer t1', 'Bearer t2'])
})

test('a401WithAFreshTokenIsNotRetriedForever', async () => {
  const { fn, calls } = fakeFetch([
    ['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })],
    ['/api/orders', () => json(401, { status: 401, detail: 'log in to the storefront to use this path' })],
  ])
  const api = new StorefrontApi({ apiBase: 'https://api.example.com', fetch: fn, now: () => 0 })
  await assert.rejects(api.call('GET', 'orders'), (e) => e instanceof ApiError && e.status === 401)
  assert.equal(calls.filter((c) => c.url.includes('/api/orders')).length, 2)
})

test('aRefusedOldTokenDoesNotThrowAwayItsNewerReplacement', async () => {
  const { fn } = fakeFetch([['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })]])
  const tokens = new SessionTokens('/apps/lavish/session', fn, () => 0)
  await tokens.get()
  tokens.expire('t1')
  assert.equal(await tokens.get(), 't2')
  tokens.expire('t1')
  assert.equal(await tokens.get(), 't2')
})

test('theAppProxyPathSendsNoTokenAndTheSameOriginsCookies', async () => {
  const { fn, calls } = fakeFetch([['/apps/lavish/orders', () => json(200, { orders: [] })]])
  const api = new StorefrontApi({ fetch: fn })
  await api.call('GET', 'orders?limit=10')
  assert.equal(calls[0].url, '/apps/lavish/orders?limit=10')
  assert.equal(calls[0].headers.Authorization, undefined)
  assert.equal(calls[0].credentials, 'same-origin')
})

test('locationsAreAskedWithoutATokenEvenOnTheDirectApi', async () => {
  const { fn, calls } = fakeFetch([['/api/locations/countries', () => json(200, { countries: [] })]])
  const api = new StorefrontApi({ apiBase: 'https://api.example.com', fetch: fn })
  await api.call('GET', 'locations/countries', { auth: false })
  assert.equal(calls.length, 1)
  assert.equal(calls[0].headers.Authorization, undefined)
  assert.equal(calls[0].credentials, 'omit')
})

const sse = (text) => new Response(new ReadableStream({
  start(controller) {
    controller.enqueue(new TextEncoder().encode(text))
    controller.close()
  },
}), { status: 200, headers: { 'Content-Type': 'text/event-stream' } })

test('theStreamResumesAfterTheLastEventIdWithAFreshTokenWhenTheOldOneExpired', async () => {
  let now = 0
  const { fn, calls } = fakeFetch([
    ['/session', (n) => json(200, { token: `t${n}`, expires_in: 600 })],
    // the server ends each stream when its token expires; the client comes back
    ['/api/orders/events', (n) => sse(n === 1
      ? ': connected\nretry: 3000\n\nid: 41\nevent: order-status\ndata: {"order_id":"820982911946154508"}\n\n'
      : 'id: 42\nevent: order-status\ndata: {"order_id":"9007199254740993"}\n\n')],
  ])
  const api = new StorefrontApi({ apiBase: 'https://api.example.com', fetch: fn, now: () => now })
  const stop = new AbortController()
  const seen = []
  const pauses = []
  let opened = 0
  await followEvents(api, 'orders/events', {
    signal: stop.signal,
    // the page reads its order list once a stream is open, so no change falls between the two
    onOpen: () => { opened++ },
    onEvent: (e) => seen.push(JSON.parse(e.data).order_id),
    sleep: async (ms) => {
      pauses.push(ms)
      now += 600_000 // the first token is gone by the time the client reconnects
      if (pauses.length === 2) stop.abort()
    },
  })
  // ids stay strings, exactly as sent
  assert.deepEqual(seen, ['820982911946154508', '9007199254740993'])
  const streams = calls.filter((c) => c.url.endsWith('/api/orders/events'))
  assert.equal(streams.length, 2)
  assert.equal(streams[0].headers['Last-Event-ID'], undefined)
  assert.equal(streams[1].headers['Last-Event-ID'], '41')
  assert.deepEqual(streams.map((c) => c.headers.Authorization), ['Bearer t1', 'Bearer t2'])
  assert.equal(streams[0].headers.Accept, 'text/event-stream')
  assert.deepEqual(pauses, [3000, 3000])
  assert.equal(opened, 2, 'each connection that opens says so')
})

test('aRefusedLastEventIdStartsAfreshAndAsksThePageToReload', async () => {
  const { fn, calls } = fakeFetch([
    ['/apps/lavish/orders/events', (n) => (n === 2
      ? json(400, { status: 400, detail: 'Last-Event-ID must be the id of an event this stream sent (digits)' })
      : sse('id: 7\ndata: {}\n\n'))],
  ])
  const api = new StorefrontApi({ fetch: fn })
  const stop = new AbortController()
  let gaps = 0
  let pauses = 0
  await followEvents(api, 'orders/events', {
    signal: stop.signal,
    onEvent: () => {},
    onGap: () => { gaps++ },
    sleep: async () => { if (++pauses === 3) stop.abort() },
  })
  assert.equal(gaps, 1)
  assert.deepEqual(calls.map((c) => c.headers['Last-Event-ID']), [undefined, '7', undefined])
})

test('failedConnectionsBackOffAndHonourRetryAfter', async () => {
  const { fn } = fakeFetch([
    ['/apps/lavish/orders/events', (n) => {
      if (n === 1) throw new TypeError('network down')
      if (n === 2) return json(503, { status: 503 })
      return json(429, { status: 429 }, { 'Retry-After': '12' })
    }],
  ])
  const api = new StorefrontApi({ fetch: fn })
  const stop = new AbortController()
  const pauses = []
  await followEvents(api, 'orders/events', {
    signal: stop.signal,
    sleep: async (ms) => { if (pauses.push(ms) === 3) stop.abort() },
  })
  assert.deepEqual(pauses, [6000, 12000, 12000])
})
