/**
 * Lavish Library storefront module, loaded by the theme app extension's blocks (theme-extension/README.md).
 *
 * One ES module with no framework and no build step, written for a strict Content-Security-Policy: no inline
 * script, no eval, no HTML parsed from strings. Markup comes from the blocks' <template> elements, and every text a
 * customer reads comes from the locales, rendered by Liquid (`| t`) into the page. API data only ever reaches the
 * page through textContent, option elements and checked attributes.
 *
 * The parts without a DOM (SSE parsing, session tokens, idempotency keys, texts, action outcomes) are exported for
 * `node --test`; the DOM parts start only in a browser.
 */

/* ---------------------------------------------------------------- texts */

/**
 * A text from the locale blob, with `{name}` placeholders filled. Falls back from the plural form (`key_one`,
 * `key_other`, by Intl.PluralRules) to the key itself, then to the group's `.other` text (an API value we have no
 * words for yet, such as a new order status), then to the raw value. A key Shopify rendered as "Translation missing"
 * counts as absent. Single braces, because Liquid's `t` fills `{{ name }}` itself.
 */
export function lookupText(texts, key, vars = {}, lang = 'en') {
  const keys = []
  if (typeof vars.count === 'number') {
    let rule = 'other'
    try { rule = new Intl.PluralRules(lang).select(vars.count) } catch { /* an unknown locale: other */ }
    keys.push(`${key}_${rule}`, `${key}_other`)
  }
  keys.push(key)
  const dot = key.lastIndexOf('.')
  if (dot > 0) keys.push(`${key.slice(0, dot)}.other`)
  const text = keys.map((k) => texts[k])
    .find((v) => typeof v === 'string' && v !== '' && !v.startsWith('Translation missing'))
  if (text === undefined) return vars.value == null ? key : String(vars.value)
  return text.replace(/\{(\w+)\}/g, (all, name) => (vars[name] == null ? all : String(vars[name])))
}

/* ---------------------------------------------------------------- server-sent events */

/**
 * An incremental text/event-stream parser (WHATWG HTML, "event stream interpretation"): feed it text in chunks cut
 * anywhere, even between the CR and LF of one line end. Events go to onEvent as {type, data, id}, `retry` to
 * onRetry, comments (heartbeats) to onComment. end() drops a half-received event, as a dropped connection must.
 */
export function createSseParser({ onEvent, onRetry, onComment } = {}) {
  let rest = ''
  let afterCR = false
  let started = false
  let data = []
  let type = ''
  let lastId = ''

  function line(text) {
    if (text === '') {
      if (data.length) onEvent?.({ type: type || 'message', data: data.join('\n'), id: lastId })
      data = []
      type = ''
      return
    }
    if (text[0] === ':') {
      onComment?.(text.slice(1).replace(/^ /, ''))
      return
    }
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value[0] === ' ') value = value.slice(1)
    if (field === 'data') data.push(value)
    else if (field === 'event') type = value
    else if (field === 'id' && !value.includes('\0')) lastId = value
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value))
  }

  return {
    push(chunk) {
      let text = chunk
      if (!started && text) {
        started = true
        if (text[0] === '\uFEFF') text = text.slice(1)
      }
      let from = 0
      for (let i = 0; i < text.length; i++) {
        const c = text[i]
        if (c === '\n' && afterCR) {
          // the LF of a CR LF whose CR ended the previous line (maybe in the previous chunk)
          afterCR = false
          from = i + 1
          continue
        }
        afterCR = false
        if (c === '\r' || c === '\n') {
          line(rest + text.slice(from, i))
          rest = ''
          from = i + 1
          afterCR = c === '\r'
        }
      }
      rest += text.slice(from)
    },
    end() {
      rest = ''
      afterCR = false
      data = []
      type = ''
    },
    get lastEventId() {
      return lastId
    },
  }
}

/** Reads a fetch() body into the parser, decoding UTF-8 across chunk boundaries. */
export async function readEventStream(body, parser) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.push(decoder.decode(value, { stream: true }))
    }
    parser.push(decoder.decode())
  } finally {
    parser.end()
    reader.releaseLock()
  }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Follows an SSE path for as long as signal allows: fetch() rather than EventSource, which cannot send a bearer
 * token. Each connection ends sooner or later (the server closes a token's stream when the token expires, or after
 * its longest lifetime); the next one carries Last-Event-ID, so nothing is missed or seen twice, and asks the API
 * for the token, which is then fresh. A Last-Event-ID the server refuses (400) starts afresh and calls onGap, so the
 * page reloads what it shows. onOpen is called each time a connection is open.
 */
export async function followEvents(api, path, { onEvent, onGap, onOpen, signal, sleep = wait } = {}) {
  let retry = 3000
  let failures = 0
  const newParser = () => createSseParser({ onEvent, onRetry: (ms) => { retry = ms } })
  let parser = newParser()
  let lastId = ''
  while (!signal?.aborted) {
    let after = retry
    try {
      const res = await api.call('GET', path, {
        stream: true, signal, headers: lastId ? { 'Last-Event-ID': lastId } : {},
      })
      failures = 0
      onOpen?.()
      await readEventStream(res.body, parser)
    } catch (e) {
      if (signal?.aborted || e?.name === 'AbortError') return
      if (e instanceof ApiError && e.status === 400 && lastId) {
        // the parser remembers the refused id too: a new one starts with none
        lastId = ''
        parser = newParser()
        onGap?.()
      } else {
        failures++
        after = e?.retryAfter != null ? e.retryAfter * 1000 : Math.min(retry * 2 ** failures, 60000)
      }
    }
    if (parser.lastEventId) lastId = parser.lastEventId
    await sleep(after)
  }
}

/* ---------------------------------------------------------------- session tokens */

/**
 * A token from POST /proxy/session ({token, token_type, expires_in}), renewed 30 s before it expires (half the life
 * of a shorter one), so no request leaves with a token that dies on the way.
 */
export function tokenFrom(body, now) {
  if (!body || typeof body.token !== 'string') throw new Error('the session answer has no token')
  const life = Math.max(0, Number(body.expires_in) || 0) * 1000
  return { value: body.token, expiresAt: now + life, refreshAt: now + life - Math.min(30000, life / 2) }
}

export const needsFreshToken = (token, now) => !token || now >= token.refreshAt

/** The direct API's bearer token: one request for it at a time, however many calls wait for it. */
export class SessionTokens {
  constructor(url, fetchFn, now = Date.now) {
    this.url = url
    this.fetch = fetchFn
    this.now = now
    this.token = null
    this.pending = null
  }

  get() {
    if (!needsFreshToken(this.token, this.now())) return Promise.resolve(this.token.value)
    this.pending ??= this.fetch(this.url, {
      method: 'POST',
      credentials: 'same-origin',
      // the app proxy takes a change only as JSON (docs/design.md, "Storefront API")
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    }).then(async (res) => {
      if (!res.ok) throw await ApiError.from(res)
      this.token = tokenFrom(await res.json(), this.now())
      return this.token.value
    }).finally(() => { this.pending = null })
    return this.pending
  }

  /** The server refused this token (401): forget it, unless a newer one has replaced it already. */
  expire(value) {
    if (this.token?.value === value) this.token = null
  }
}

/* ---------------------------------------------------------------- API */

export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter) {
    super(problem.detail || `HTTP ${status}`)
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  static async from(res) {
    let problem = {}
    try {
      if (/json/.test(res.headers.get('Content-Type') || '')) problem = await res.json()
    } catch { /* a body that is not JSON: the status says enough */ }
    const after = Number.parseInt(res.headers.get('Retry-After') || '', 10)
    return new ApiError(res.status, problem, Number.isFinite(after) ? after : undefined)
  }
}

/**
 * The storefront API, through the app proxy (same origin: /apps/lavish/..., Shopify signs each request) or, when
 * the block names an API base URL, direct (<base>/api/..., with a session token from the proxy, across origins).
 * Ids stay the strings the API sends; nothing here turns one into a number.
 */
export class StorefrontApi {
  constructor({ proxyBase, apiBase, sessionUrl, fetch: fetchFn, now } = {}) {
    this.proxyBase = (proxyBase || '/apps/lavish').replace(/\/+$/, '')
    this.apiBase = (apiBase || '').trim().replace(/\/+$/, '')
    this.fetch = fetchFn || ((...args) => fetch(...args))
    this.tokens = new SessionTokens(sessionUrl || `${this.proxyBase}/session`, this.fetch, now)
  }

  url(path) {
    return this.apiBase ? `${this.apiBase}/api/${path}` : `${this.proxyBase}/${path}`
  }

  /** JSON (or, with stream, the Response itself); a 4xx or 5xx throws an ApiError with the problem. */
  async call(method, path, { body, headers = {}, auth = true, stream = false, signal } = {}) {
    for (let attempt = 0; ; attempt++) {
      const sent = { Accept: stream ? 'text/event-stream' : 'application/json', ...headers }
      if (method !== 'GET') sent['Content-Type'] = 'application/json'
      const token = this.apiBase && auth ? await this.tokens.get() : null
      if (token) sent.Authorization = `Bearer ${token}`
      const res = await this.fetch(this.url(path), {
        method,
        headers: sent,
        signal,
        body: body === undefined ? undefined : JSON.stringify(body),
        // the direct API takes no cookie, only the token (ADR 0004)
        credentials: this.apiBase ? 'omit' : 'same-origin',
      })
      // a token can expire or be rotated between our check and the server's: one fresh token, one more try
      if (res.status === 401 && token && attempt === 0) {
        this.tokens.expire(token)
        continue
      }
      if (!res.ok) throw await ApiError.from(res)
      return stream ? res : res.json()
    }
  }
}

/* ---------------------------------------------------------------- idempotency and retries */

/** A network failure, a limit (429) or a gateway that could not answer: worth the same request again. */
export function isRetryable(e) {
  if (e?.name === 'AbortError') return false
  return e instanceof ApiError ? [429, 502, 503, 504].includes(e.status) : e instanceof TypeError
}

/** Calls attempt until it answers, tries times at most, waiting Retry-After or a growing pause between. */
export async function withRetries(attempt, { tries = 3, pause = 800, sleep = wait } = {}) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (e) {
      if (n >= tries || !isRetryable(e)) throw e
      await sleep(e.retryAfter != null ? e.retryAfter * 1000 : pause * 2 ** (n - 1))
    }
  }
}

/**
 * Idempotency-Keys for a customer's clicks. One click is one key: its automatic retries, and the customer's next
 * click on the same change after one that got no answer, send the same key, so the server does the work once. A
 * click while the same change is on its way is ignored (null). A change the server answered frees its key.
 */
export class ClickKeys {
  constructor(newKey = () => crypto.randomUUID()) {
    this.newKey = newKey
    this.keys = new Map()
    this.busy = new Set()
  }

  begin(change) {
    if (this.busy.has(change)) return null
    this.busy.add(change)
    if (!this.keys.has(change)) this.keys.set(change, this.newKey())
    return this.keys.get(change)
  }

  end(change, answered) {
    this.busy.delete(change)
    if (answered) this.keys.delete(change)
  }
}

/* ---------------------------------------------------------------- subscription rules */

/** What the subscription-service lets a customer do in each status (ContractActions.allowed). */
export function allowedActions(view) {
  const s = view.status
  const open = s === 'active' || s === 'paused'
  const allowed = new Set()
  if (s === 'active') allowed.add('pause')
  if (s === 'paused' || s === 'failed') allowed.add('resume')
  if (open || s === 'failed') allowed.add('cancel')
  if (open) allowed.add('skip').add('update')
  if (open && view.skipped_cycles?.length) allowed.add('unskip')
  return allowed
}

/**
 * How a change ended, once Shopify answered: null while `pending` is set (or the latest action still says so);
 * then the latest action's state (confirmed, rejected, failed) with Shopify's message.
 */
export function settledOutcome(view) {
  const last = view.last_action
  if (view.pending || last?.state === 'pending') return null
  return { action: last?.action ?? '', state: last?.state ?? 'confirmed', message: last?.message ?? '' }
}

/* ---------------------------------------------------------------- DOM helpers */

const all = (root, selector) => [...root.querySelectorAll(selector)]
const field = (node, name) => node.querySelector(`[data-field="${name}"]`)

/** Shows or hides a field with its row ([data-row]), such as a label and its value. */
function showField(node, name, visible) {
  const el = field(node, name)
  if (el) (el.closest('[data-row]') || el).hidden = !visible
}

/** The field's text; with visible given, the field is shown or hidden too. */
function setField(node, name, text, visible) {
  const el = field(node, name)
  if (!el) return
  el.textContent = text ?? ''
  if (visible !== undefined) showField(node, name, visible)
}

function readJson(root, name) {
  try {
    return JSON.parse(root.querySelector(`script[data-lavish-json="${name}"]`)?.textContent || 'null')
  } catch {
    return null
  }
}

function fillSelect(select, options, placeholder, value) {
  select.replaceChildren(new Option(placeholder, ''), ...options.map(([v, label]) => new Option(label, v)))
  select.disabled = !options.length
  if (value) select.value = value
}

/** Unique ids for a clone of a template: data-id, label data-for and data-labelledby name them within it. */
function bindIds(node, prefix) {
  const own = (selector) => (node.matches(selector) ? [node] : []).concat(all(node, selector))
  own('[data-id]').forEach((el) => { el.id = prefix + el.dataset.id })
  own('label[data-for]').forEach((el) => { el.htmlFor = prefix + el.dataset.for })
  own('[data-labelledby]').forEach((el) => el.setAttribute('aria-labelledby', prefix + el.dataset.labelledby))
}

/** Only http(s) links from API data: a javascript: URL in a tracking link would run in the page. */
function safeUrl(url) {
  try {
    const u = new URL(url, location.href)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null
  } catch {
    return null
  }
}

/* ---------------------------------------------------------------- purchase options */

/**
 * The product page block: the radio chosen goes into each product form's hidden `selling_plan` input (disabled for
 * a one-time purchase, so nothing is sent), so the theme's own /cart/add.js receives it. On a variant change the
 * prices and savings come from the block's JSON of every variant's selling_plan_allocations.
 */
function initPurchaseOptions(root) {
  const data = readJson(root, 'allocations') || { variants: {} }
  const cartAdd = root.dataset.cartAddUrl || '/cart/add'
  const isProductForm = (f) => {
    try {
      return new URL(f.action, location.href).pathname.endsWith(cartAdd) && !!f.elements.namedItem('id')
    } catch {
      return false
    }
  }
  const section = root.closest('.shopify-section') || document
  let forms = all(section, 'form[action]').filter(isProductForm)
  if (!forms.length) forms = all(document, 'form[action]').filter(isProductForm)
  const own = root.querySelector('input[name="selling_plan"]')
  // a theme with an installments form and a buy form (Dawn) submits either: each gets the input
  const inputs = forms.map((form) => form.elements.namedItem('selling_plan') || form.appendChild(own.cloneNode()))
  if (forms.length && !own.form) own.remove()
  else if (!forms.length) inputs.push(own)
  const radios = all(root, 'input[type="radio"][data-plan]')
  const announce = root.querySelector('[data-lavish-announce]')

  const sync = () => {
    const plan = radios.find((r) => r.checked)?.value || ''
    inputs.forEach((input) => {
      input.value = plan
      input.disabled = !plan
    })
  }

  const variantId = () => forms.map((f) => f.elements.namedItem('id')?.value).find(Boolean)
    || root.dataset.variantId

  const update = (id = variantId()) => {
    const variant = data.variants[id]
    if (!variant) return
    for (const radio of radios) {
      const option = radio.closest('[data-plan-option]')
      const allocation = radio.value ? variant.plans[radio.value] : { price: variant.price, saving: '' }
      radio.disabled = !allocation
      option.classList.toggle('lavish-po__option--unavailable', !allocation)
      setField(option, 'price', allocation?.price ?? '')
      setField(option, 'saving', allocation?.saving ?? '', !!allocation?.saving)
    }
    const chosen = radios.find((r) => r.checked)
    if (chosen?.disabled) {
      chosen.checked = false
      // a subscriber stays a subscriber where the variant has a plan; else the one-time purchase
      const first = radios.find((r) => !r.disabled && r.value) || radios.find((r) => !r.disabled)
      if (first) first.checked = true
      if (announce) announce.textContent = root.dataset.textPlanChanged || ''
    }
    sync()
  }

  root.addEventListener('change', sync)
  // the id that changed, not the first form's: a theme may update its forms one after another
  forms.forEach((form) => form.addEventListener('change', (e) => {
    if (e.target.name === 'id') update(e.target.value)
  }))
  // themes that announce a variant change with an event instead of the form's change
  for (const name of ['variant:change', 'variant:changed']) {
    document.addEventListener(name, (e) => {
      const id = e.detail?.variant?.id
      update(id == null ? undefined : String(id))
    })
  }
  update()
}

/* ---------------------------------------------------------------- account portal */

function initPortal(root) {
  const d = root.dataset
  const lang = d.locale || document.documentElement.lang || 'en'
  const texts = readJson(root, 'texts') || {}
  const t = (key, vars) => lookupText(texts, key, vars, lang)
  const api = new StorefrontApi({ proxyBase: d.proxyBase, apiBase: d.apiBase })
  const keys = new ClickKeys()
  const prefix = `lavish-${d.blockId || 'portal'}-`
  const status = root.querySelector('[data-lavish-status]')
  const say = (text) => { status.textContent = text }
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })
  // billing dates are days: shown in UTC, so a customer west of Greenwich does not see the day before
  const days = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })
  const day = (date) => days.format(new Date(date))
  const money = (amount, currency) => {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount)
    } catch {
      return `${amount} ${currency || ''}`.trim()
    }
  }
  let regions
  try {
    regions = new Intl.DisplayNames([lang], { type: 'region' })
  } catch { /* the API's English names */ }
  const template = (name) => root.querySelector(`template[data-lavish-template="${name}"]`)
    .content.firstElementChild.cloneNode(true)

  const problemText = (e) => {
    if (e instanceof ApiError) {
      if (e.status === 429) return t('too_many', { seconds: e.retryAfter ?? 30 })
      if (e.status === 401) return t('signed_out')
      return t('error', { detail: e.problem.detail || e.message })
    }
    // a failed fetch, or a fault of this module: the console keeps what the customer is spared
    console.warn('lavish-storefront:', e)
    return t('offline')
  }

  const busy = (el, on) => el.setAttribute('aria-busy', String(on))

  /* addresses */

  const addressList = root.querySelector('[data-lavish-addresses]')
  const formatAddress = (a) => (a ? [
    [a.first_name, a.last_name].filter(Boolean).join(' '), a.company, a.address1, a.address2,
    [a.city, a.province_code, a.zip].filter(Boolean).join(' '),
    (a.country_code && regions?.of(a.country_code)) || a.country || a.country_code,
  ].filter(Boolean).join('\n') : '')

  const profile = api.call('GET', 'customers/me').then((me) => me.addresses || [], (e) => {
    // no record here yet (404): a customer without saved addresses
    if (e instanceof ApiError && e.status === 404) return []
    throw e
  })
  const addressesShown = profile.then((addresses) => {
    addressList.replaceChildren(...addresses.map((a) => {
      const item = template('address')
      setField(item, 'text', formatAddress(a))
      showField(item, 'default', !!a.is_default)
      return item
    }))
    setField(root, 'addresses-message', t('addresses_empty'), !addresses.length)
  }, (e) => setField(root, 'addresses-message', problemText(e), true))
    .finally(() => busy(addressList, false))

  /* orders */

  const orderRows = root.querySelector('[data-lavish-orders]')
  const more = root.querySelector('[data-lavish-more]')
  const orders = new Map()
  let next = null

  const orderStatus = (o) => (o.cancelled_at ? t('order_cancelled') : [
    t(`fin.${o.financial_status || 'pending'}`, { value: o.financial_status }),
    t(`ful.${o.fulfillment_status || 'unfulfilled'}`, { value: o.fulfillment_status }),
  ].join(' · '))

  const renderOrder = ({ row, order: o }) => {
    row.dataset.orderId = o.id
    setField(row, 'name', o.name || `#${o.number}`)
    const placed = o.processed_at || o.created_at
    setField(row, 'date', placed ? when.format(new Date(placed)) : '')
    setField(row, 'status', orderStatus(o))
    setField(row, 'total', o.total_price ? money(o.total_price, o.currency) : '')
    setField(row, 'items', o.item_count == null ? '' : t('items', { count: o.item_count }))
    const link = field(row, 'tracking')
    const href = o.tracking_url && safeUrl(o.tracking_url)
    link.hidden = !(href && o.tracking_number)
    if (href) link.href = href
    link.textContent = o.tracking_number ? t('tracking', { number: o.tracking_number }) : ''
  }

  const showOrder = (o, first) => {
    let entry = orders.get(o.id)
    if (!entry) {
      entry = { row: template('order'), order: {} }
      orders.set(o.id, entry)
      if (first) orderRows.prepend(entry.row)
      else orderRows.append(entry.row)
    }
    Object.assign(entry.order, o)
    renderOrder(entry)
    return entry
  }

  const loadOrders = async (cursor) => {
    busy(orderRows, true)
    more.setAttribute('aria-disabled', 'true')
    try {
      const query = new URLSearchParams({ limit: d.pageSize || '10' })
      if (cursor) query.set('cursor', cursor)
      const page = await withRetries(() => api.call('GET', `orders?${query}`))
      if (!cursor) {
        orders.clear()
        orderRows.replaceChildren()
      }
      page.orders.forEach((o) => showOrder(o, false))
      next = page.next || null
      more.hidden = !next
      setField(root, 'orders-message', t('orders_empty'), !orders.size)
      if (cursor) say(t('orders_loaded', { count: page.orders.length }))
    } catch (e) {
      setField(root, 'orders-message', problemText(e), true)
    } finally {
      busy(orderRows, false)
      more.removeAttribute('aria-disabled')
    }
  }

  more.addEventListener('click', () => {
    if (next && more.getAttribute('aria-disabled') !== 'true') loadOrders(next)
  })

  /** One status change from orders/events: the row changes in place, and the change is read out. */
  const onOrderEvent = (event) => {
    if (event.type !== 'order-status') return
    let change
    try {
      change = JSON.parse(event.data)
    } catch {
      return
    }
    const patch = {
      financial_status: change.financial_status,
      fulfillment_status: change.fulfillment_status,
      cancelled_at: change.cancelled_at,
    }
    if (change.fulfillment?.tracking_number) {
      patch.tracking_number = change.fulfillment.tracking_number
      patch.tracking_url = change.fulfillment.tracking_url
    }
    const entry = orders.get(change.order_id)
    if (entry) {
      Object.assign(entry.order, patch)
      renderOrder(entry)
      say(t('order_live', { name: entry.order.name, status: orderStatus(entry.order) }))
    } else if (change.order_number) {
      // an order placed while the page is open: its row, in full
      api.call('GET', `orders/${encodeURIComponent(change.order_number)}`).then((o) => {
        const shown = showOrder({ ...o, ...patch }, true)
        setField(root, 'orders-message', '', false)
        say(t('order_live', { name: shown.order.name, status: orderStatus(shown.order) }))
      }, () => { /* the next page load shows it */ })
    }
  }

  /* subscriptions */

  const subscriptionList = root.querySelector('[data-lavish-subscriptions]')
  const cards = new Map()
  const actionName = (action) => t(`act.${action}`, { value: action })
  const frequency = (p) => (p?.interval
    ? t(`interval.${p.interval}`, { count: p.interval_count ?? 1, value: p.interval }) : '')
  const lineText = (l) => t('line', {
    quantity: l.quantity, title: l.variant_title ? `${l.title} (${l.variant_title})` : l.title,
  })

  const note = (entry, text, refusal) => {
    setField(entry.card, 'state', refusal ? '' : text)
    setField(entry.card, 'problem', refusal ? text : '', !!refusal)
  }

  const renderSubscription = (entry) => {
    const { card, view: v } = entry
    const allowed = allowedActions(v)
    const locked = String(entry.busy || !!v.pending)
    setField(card, 'title', v.lines?.[0]?.title || v.plan?.group_name || t('subscription'))
    setField(card, 'status', t(`sub.${v.status}`, { value: v.status }))
    setField(card, 'next', v.next_delivery ? day(v.next_delivery) : t('not_scheduled'))
    setField(card, 'plan', [v.plan?.name, frequency(v.delivery_policy || v.billing_policy)]
      .filter(Boolean).join(' · '))
    setField(card, 'skipped', (v.skipped_cycles || []).map(day).join(', '), !!v.skipped_cycles?.length)
    setField(card, 'address', formatAddress(v.delivery_address), !!v.delivery_address)
    field(card, 'lines').replaceChildren(...(v.lines || []).map((l) => {
      const item = document.createElement('li')
      item.textContent = lineText(l)
      return item
    }))
    all(card, 'button[data-action]').forEach((b) => {
      b.hidden = !allowed.has(b.dataset.action)
      b.setAttribute('aria-disabled', locked)
    })
    all(card, 'button[type="submit"]').forEach((b) => b.setAttribute('aria-disabled', locked))
    for (const form of all(card, 'form[data-form]')) {
      const kind = form.dataset.form
      const usable = allowed.has('update') && (kind !== 'frequency' || !!v.plan?.alternatives?.length)
        && (kind !== 'quantity' || !!v.lines?.length)
      form.closest('[data-row]').hidden = !usable
    }
    const plans = card.querySelector('form[data-form="frequency"] select')
    const choices = (v.plan?.alternatives || []).map((p) => [p.id, p.name || frequency(p)])
    if (plans.dataset.filled !== JSON.stringify(choices)) {
      plans.dataset.filled = JSON.stringify(choices)
      fillSelect(plans, choices, t('choose_frequency'))
    }
    const quantityForm = card.querySelector('form[data-form="quantity"]')
    const lineSelect = quantityForm.elements.line_id
    const lines = (v.lines || []).map((l) => [l.id, l.title])
    if (lineSelect.dataset.filled !== JSON.stringify(lines)) {
      lineSelect.dataset.filled = JSON.stringify(lines)
      fillSelect(lineSelect, lines, t('choose_line'), lines[0]?.[0])
      lineSelect.closest('[data-row]').hidden = lines.length < 2
      quantityForm.elements.quantity.value = v.lines?.[0]?.quantity ?? 1
    }
    if (v.pending) note(entry, t('pending', { action: actionName(v.pending.action) }))
    // a control that disappeared had the focus: the title takes it, so a keyboard user is not thrown to the top
    const focused = document.activeElement
    if (card.contains(focused) && (focused.hidden || focused.closest('[hidden]'))) field(card, 'title').focus()
  }

  const outcomeText = (o) => t(o.state === 'confirmed' ? 'confirmed' : o.state === 'rejected' ? 'rejected' : 'failed',
    { action: actionName(o.action), message: o.message || '' })

  /** Re-reads the subscription until Shopify has confirmed or refused the change, for two minutes at most. */
  const settle = async (entry) => {
    for (let n = 0, waited = 0; waited < 120000; n++) {
      const pause = Math.min(1000 * 1.5 ** n, 5000)
      await wait(pause)
      waited += pause
      let view
      try {
        view = await api.call('GET', `subscriptions/${encodeURIComponent(entry.view.id)}`)
      } catch (e) {
        if (isRetryable(e)) continue
        note(entry, problemText(e), true)
        return null
      }
      entry.view = view
      renderSubscription(entry)
      const outcome = settledOutcome(view)
      if (outcome) {
        note(entry, outcomeText(outcome), outcome.state !== 'confirmed')
        return outcome
      }
    }
    note(entry, t('still_pending'))
    return null
  }

  /** One customer change: 202 with the change pending, then its outcome from Shopify. */
  const send = async (entry, method, path, body, action) => {
    if (entry.busy || entry.view.pending) return
    const change = `${method} ${path} ${JSON.stringify(body ?? null)}`
    const key = keys.begin(change)
    if (!key) return
    entry.busy = true
    renderSubscription(entry)
    note(entry, t('sending', { action: actionName(action) }))
    let answered = false
    try {
      const view = await withRetries(() => api.call(method, path, { body, headers: { 'Idempotency-Key': key } }))
      answered = true
      entry.view = view
      renderSubscription(entry)
      const outcome = settledOutcome(view) || await settle(entry)
      if (outcome?.state === 'confirmed' && action === 'update') {
        const details = entry.card.querySelector('details[data-row]')
        if (details) {
          details.open = false
          details.querySelector('form').dataset.ready = ''
        }
      }
    } catch (e) {
      // a refusal with a status (409, 400, 404) was an answer; a lost connection keeps the key for the next click
      answered = e instanceof ApiError && !isRetryable(e)
      note(entry, problemText(e), true)
    } finally {
      keys.end(change, answered)
      entry.busy = false
      renderSubscription(entry)
    }
  }

  const confirmCancel = (button) => {
    const dialog = root.querySelector('dialog[data-lavish-confirm]')
    if (!dialog?.showModal) return Promise.resolve(window.confirm(t('confirm_cancel')))
    return new Promise((resolve) => {
      dialog.returnValue = ''
      dialog.addEventListener('close', () => {
        button.focus()
        resolve(dialog.returnValue === 'confirm')
      }, { once: true })
      dialog.showModal()
    })
  }

  /* the address form's country → state → city selects, from locations/... (public; cached by ETag too) */

  const places = new Map()
  const place = (path) => {
    if (!places.has(path)) {
      places.set(path, withRetries(() => api.call('GET', path, { auth: false }))
        .catch((e) => { places.delete(path); throw e }))
    }
    return places.get(path)
  }
  const countryPath = (c) => `locations/countries/${encodeURIComponent(c)}`

  const setCity = async (form, city, turn) => {
    const { country_code: country, province_code: state, city: select, city_text: text } = form.elements
    const cities = country.value && state.value
      ? (await place(`${countryPath(country.value)}/states/${encodeURIComponent(state.value)}/cities`)).cities : []
    if (turn !== form.turn) return
    fillSelect(select, cities.map((c) => [c, c]), t('choose_city'), city)
    if (city && select.value !== city && cities.length) select.add(new Option(city, city, true, true))
    // a country without states, or a state without cities listed: the city is typed
    const typed = !!country.value && !cities.length && (!!state.value || state.options.length < 2)
    // hidden controls are disabled too: a hidden required control would block the form's submission
    select.hidden = typed
    if (typed) select.disabled = true
    text.hidden = !typed
    text.disabled = !typed
    if (typed && city) text.value = city
    form.querySelector('label[data-for="city"]').htmlFor = typed ? text.id : select.id
  }

  const setState = async (form, state, city) => {
    const turn = (form.turn = (form.turn || 0) + 1)
    const country = form.elements.country_code.value
    const states = country ? (await place(`${countryPath(country)}/states`)).states : []
    if (turn !== form.turn) return
    fillSelect(form.elements.province_code, states.map((s) => [s.code, s.name]), t('choose_state'), state)
    await setCity(form, city, turn)
  }

  const fillAddress = async (form, a = {}) => {
    for (const name of ['first_name', 'last_name', 'address1', 'address2', 'zip', 'phone']) {
      form.elements[name].value = a[name] || ''
    }
    const countries = (await place('locations/countries')).countries
    fillSelect(form.elements.country_code,
      countries.map((c) => [c.code, regions?.of(c.code) || c.name]), t('choose_country'), a.country_code)
    await setState(form, a.province_code, a.city)
  }

  const openAddress = async (entry, form) => {
    if (form.dataset.ready) return
    form.dataset.ready = '1'
    try {
      const saved = await profile.catch(() => [])
      // not form.saved: a form's named controls (its "saved" select) own those property names
      form.savedAddresses = saved
      fillSelect(form.elements.saved, saved.map((a, i) => [String(i), formatAddress(a).replace(/\n/g, ', ')]),
        t('choose_saved'))
      form.elements.saved.closest('[data-row]').hidden = !saved.length
      await fillAddress(form, entry.view.delivery_address || saved.find((a) => a.is_default) || {})
    } catch (e) {
      form.dataset.ready = ''
      note(entry, problemText(e), true)
    }
  }

  const formBody = (form) => {
    const value = (name) => {
      const el = form.elements[name]
      return (el && !el.disabled && el.value.trim()) || null
    }
    switch (form.dataset.form) {
      case 'frequency': return { selling_plan_id: value('selling_plan_id') }
      case 'quantity': return { quantity: Number(value('quantity')), line_id: value('line_id') }
      default: return {
        delivery_address: {
          first_name: value('first_name'), last_name: value('last_name'), address1: value('address1'),
          address2: value('address2'), city: value('city_text') || value('city'),
          province_code: value('province_code'), country_code: value('country_code'), zip: value('zip'),
          phone: value('phone'),
        },
      }
    }
  }

  const wire = (entry) => {
    const { card } = entry
    const path = () => `subscriptions/${encodeURIComponent(entry.view.id)}`
    card.addEventListener('click', async (e) => {
      const button = e.target.closest('button[data-action]')
      if (!button || button.getAttribute('aria-disabled') === 'true') return
      const action = button.dataset.action
      if (action === 'cancel' && !(await confirmCancel(button))) return
      send(entry, 'POST', `${path()}/${action}`, undefined, action)
    })
    card.addEventListener('submit', (e) => {
      e.preventDefault()
      const form = e.target
      if (form.querySelector('[type="submit"]')?.getAttribute('aria-disabled') === 'true') return
      send(entry, 'PATCH', path(), formBody(form), 'update')
    })
    card.addEventListener('change', (e) => {
      const form = e.target.form
      if (!form) return
      const name = e.target.name
      const fail = (err) => note(entry, problemText(err), true)
      if (name === 'country_code') setState(form).catch(fail)
      else if (name === 'province_code') setCity(form, undefined, form.turn).catch(fail)
      else if (name === 'saved' && e.target.value) fillAddress(form, form.savedAddresses[Number(e.target.value)]).catch(fail)
      else if (name === 'line_id') {
        const line = entry.view.lines?.find((l) => l.id === e.target.value)
        if (line) form.elements.quantity.value = line.quantity
      }
    })
    card.querySelector('details[data-row]')?.addEventListener('toggle', (e) => {
      if (e.target.open) openAddress(entry, e.target.querySelector('form'))
    })
  }

  const loadSubscriptions = async () => {
    try {
      const { subscriptions } = await withRetries(() => api.call('GET', 'subscriptions'))
      subscriptionList.replaceChildren(...subscriptions.map((view) => {
        const entry = { card: template('subscription'), view, busy: false }
        bindIds(entry.card, `${prefix}${view.id}-`)
        cards.set(view.id, entry)
        wire(entry)
        renderSubscription(entry)
        const outcome = settledOutcome(view)
        // a refusal from an earlier visit stays worth reading; a change still pending is followed to its end
        if (outcome && outcome.state !== 'confirmed' && view.last_action) note(entry, outcomeText(outcome), true)
        if (!outcome) settle(entry)
        return entry.card
      }))
      setField(root, 'subscriptions-message', t('subscriptions_empty'), !subscriptions.length)
    } catch (e) {
      setField(root, 'subscriptions-message', problemText(e), true)
    } finally {
      busy(subscriptionList, false)
    }
  }

  /* start */

  const subscriptionsShown = loadSubscriptions()
  const stop = new AbortController()
  addEventListener('pagehide', () => stop.abort(), { once: true })
  // the list is read once the stream is open, so a change between the two cannot slip through; a stream that cannot
  // open holds the list back two seconds at most
  let opened
  const streamOpen = new Promise((resolve) => { opened = resolve })
  if (d.live !== 'false') {
    followEvents(api, 'orders/events', {
      onEvent: onOrderEvent,
      onGap: () => loadOrders(),
      onOpen: () => { performance.mark('lavish:orders-live'); opened() },
      signal: stop.signal,
    })
  } else opened()
  const ordersShown = Promise.race([streamOpen, wait(2000)]).then(() => loadOrders())
  // the whole portal on screen: a mark for real-user monitoring and the page-load benchmark (bench/README.md)
  Promise.allSettled([subscriptionsShown, ordersShown, addressesShown])
    .then(() => performance.mark('lavish:portal-complete'))
}

/* ---------------------------------------------------------------- boot */

/** Starts every block under scope once; the theme editor re-renders a section with shopify:section:load. */
export function boot(scope) {
  for (const [selector, init] of [['[data-lavish-purchase-options]', initPurchaseOptions],
    ['[data-lavish-portal]', initPortal]]) {
    all(scope, selector).forEach((root) => {
      if (root.dataset.lavishStarted) return
      root.dataset.lavishStarted = 'true'
      init(root)
    })
  }
}

if (typeof document !== 'undefined') {
  boot(document)
  document.addEventListener('shopify:section:load', (e) => boot(e.target))
}
