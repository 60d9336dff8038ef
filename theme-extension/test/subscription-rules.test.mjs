// What the portal offers for each subscription, and when a change has settled (subscription-service's rules).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { allowedActions, settledOutcome } from '../assets/lavish-storefront.js'

const sorted = (set) => [...set].sort()

test('offersWhatTheServiceAllowsInEachStatus', () => {
  assert.deepEqual(sorted(allowedActions({ status: 'active', skipped_cycles: [] })),
    ['cancel', 'pause', 'skip', 'update'])
  assert.deepEqual(sorted(allowedActions({ status: 'active', skipped_cycles: ['2026-08-01'] })),
    ['cancel', 'pause', 'skip', 'unskip', 'update'])
  assert.deepEqual(sorted(allowedActions({ status: 'paused', skipped_cycles: [] })),
    ['cancel', 'resume', 'skip', 'update'])
  assert.deepEqual(sorted(allowedActions({ status: 'failed' })), ['cancel', 'resume'])
  assert.deepEqual(sorted(allowedActions({ status: 'cancelled' })), [])
  assert.deepEqual(sorted(allowedActions({ status: 'expired' })), [])
})

test('aChangeIsUnsettledWhilePendingIsSet', () => {
  assert.equal(settledOutcome({
    status: 'active',
    pending: { action: 'pause', requested_at: '2026-07-02T09:30:00Z' },
    last_action: { action: 'pause', state: 'pending', message: null },
  }), null)
})

test('aLatestActionStillPendingIsUnsettledEvenWithoutPending', () => {
  assert.equal(settledOutcome({ status: 'active', pending: null, last_action: { action: 'skip', state: 'pending' } }),
    null)
})

test('aConfirmedChangeSettlesAsConfirmed', () => {
  assert.deepEqual(settledOutcome({
    status: 'paused', pending: null,
    last_action: { action: 'pause', state: 'confirmed', message: null, completed_at: '2026-07-02T09:30:03Z' },
  }), { action: 'pause', state: 'confirmed', message: '' })
})

test('aRefusalSettlesWithShopifysMessage', () => {
  assert.deepEqual(settledOutcome({
    status: 'active', pending: null,
    last_action: { action: 'pause', state: 'rejected', message: 'Contract is already paused' },
  }), { action: 'pause', state: 'rejected', message: 'Contract is already paused' })
  assert.deepEqual(settledOutcome({
    status: 'active', pending: null,
    last_action: { action: 'update', state: 'failed', message: 'Shopify could not be reached; nothing was changed' },
  }).state, 'failed')
})

test('aSubscriptionNeverChangedIsSettled', () => {
  assert.deepEqual(settledOutcome({ status: 'active', pending: null, last_action: null }),
    { action: '', state: 'confirmed', message: '' })
})
