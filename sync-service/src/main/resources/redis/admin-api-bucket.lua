-- One shop's Admin API cost bucket, shared by every replica (Redis 6.2: no Redis 7 commands).
-- KEYS[1]: the shop's hash {available, maximum, rate, at}; its clock is Redis' own TIME, so replicas agree.
-- ARGV[1]: 'reserve' | 'observe' | 'throttled'
-- ARGV[2]: cost (reserve, throttled) or requestedQueryCost (observe, '' when unknown)
-- ARGV[3]: actualQueryCost (observe, '' when unknown)
-- ARGV[4], ARGV[5], ARGV[6]: Shopify's throttleStatus maximumAvailable, currentlyAvailable, restoreRate ('' when absent)
-- ARGV[7], ARGV[8]: the maximum and restore rate assumed before Shopify's first answer
-- ARGV[9]: how long an idle bucket is kept (ms)
-- Returns {wait ms, available, maximum, rate} as strings (Lua numbers would be truncated to integers).
--
-- A reservation is taken at once, even into debt: the next caller sees the debt and waits behind it, so waiters
-- queue in order instead of all waking at once to find the bucket empty again.
redis.replicate_commands()
local key = KEYS[1]
local op = ARGV[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', key, 'available', 'maximum', 'rate', 'at')
local maximum = tonumber(state[2]) or tonumber(ARGV[7])
local rate = tonumber(state[3]) or tonumber(ARGV[8])
local available = tonumber(state[1]) or maximum
local at = tonumber(state[4]) or now
if now > at then
  available = math.min(maximum, available + (now - at) / 1000 * rate)
end
local shopifyMaximum = tonumber(ARGV[4])
local shopifyAvailable = tonumber(ARGV[5])
local shopifyRate = tonumber(ARGV[6])
if shopifyMaximum and shopifyRate and shopifyRate > 0 then
  maximum = shopifyMaximum
  rate = shopifyRate
end
local wait = 0
if op == 'reserve' then
  local cost = tonumber(ARGV[2])
  if available < cost then
    wait = math.ceil((cost - available) / rate * 1000)
  end
  available = available - cost
elseif op == 'observe' then
  local requested = tonumber(ARGV[2])
  local actual = tonumber(ARGV[3])
  -- Shopify refunds what a document reserved beyond what it cost
  if requested and actual and requested > actual then
    available = available + (requested - actual)
  end
  -- Shopify's count leaves out what other replicas reserved and have not sent yet, so it only ever lowers ours
  if shopifyAvailable then
    available = math.min(available, shopifyAvailable)
  end
elseif op == 'throttled' then
  local cost = tonumber(ARGV[2])
  -- the refused request took nothing: give its reservation back, believe Shopify, and reserve again
  available = available + cost
  if shopifyAvailable then
    available = math.min(available, shopifyAvailable)
  end
  if available < cost then
    wait = math.ceil((cost - available) / rate * 1000)
  end
  available = available - cost
end
available = math.min(maximum, available)
redis.call('HSET', key, 'available', tostring(available), 'maximum', tostring(maximum), 'rate', tostring(rate),
  'at', tostring(now))
redis.call('PEXPIRE', key, tonumber(ARGV[9]))
return {tostring(wait), tostring(available), tostring(maximum), tostring(rate)}
