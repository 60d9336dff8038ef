-- One shop's Admin API cost bucket, shared by every replica (Redis 6.2: no Redis 7 commands).
-- KEYS[1]: the shop's hash {available, maximum, rate, at}; its clock is Redis' own TIME, so replicas agree.
-- KEYS[2]: the reservations sent and not yet answered: a sorted set of '<id>:<cost>' scored by when it lapses
-- ARGV[1]: 'reserve' | 'observe' | 'throttled'
-- ARGV[2]: the reservation's id
-- ARGV[3]: cost (reserve, throttled) or requestedQueryCost (observe, '' when unknown)
-- ARGV[4]: actualQueryCost (observe, '' when unknown)
-- ARGV[5], ARGV[6], ARGV[7]: Shopify's throttleStatus maximumAvailable, currentlyAvailable, restoreRate ('' if absent)
-- ARGV[8], ARGV[9]: the maximum and restore rate assumed before Shopify's first answer
-- ARGV[10]: how long an idle bucket is kept (ms)
-- ARGV[11]: how long a reservation counts after its wait (ms): longer than any answer takes
-- Returns {wait ms, available, maximum, rate} as strings (Lua numbers would be truncated to integers).
--
-- A reservation is taken at once, even into debt: the next caller sees the debt and waits behind it, so waiters
-- queue in order instead of all waking at once to find the bucket empty again. Shopify's currentlyAvailable is the
-- truth for everything Shopify has run; what other calls reserved and Shopify has not answered yet is subtracted
-- from it. A reservation whose answer never came (a replica died) lapses after ARGV[11] ms.
redis.replicate_commands()
local key = KEYS[1]
local pending = KEYS[2]
local op = ARGV[1]
local id = ARGV[2]
local idle = tonumber(ARGV[10])
local lapse = tonumber(ARGV[11])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', key, 'available', 'maximum', 'rate', 'at')
local maximum = tonumber(state[2]) or tonumber(ARGV[8])
local rate = tonumber(state[3]) or tonumber(ARGV[9])
local available = tonumber(state[1]) or maximum
local at = tonumber(state[4]) or now
if now > at then
  available = math.min(maximum, available + (now - at) / 1000 * rate)
end
local shopifyMaximum = tonumber(ARGV[5])
local shopifyAvailable = tonumber(ARGV[6])
local shopifyRate = tonumber(ARGV[7])
if shopifyMaximum and shopifyRate and shopifyRate > 0 then
  maximum = shopifyMaximum
  rate = shopifyRate
end

redis.call('ZREMRANGEBYSCORE', pending, '-inf', now)
-- this call's own reservation is answered: it no longer counts as pending
local function settle()
  local members = redis.call('ZRANGE', pending, 0, -1)
  local others = 0
  for _, member in ipairs(members) do
    local separator = string.find(member, ':', 1, true)
    if string.sub(member, 1, separator - 1) == id then
      redis.call('ZREM', pending, member)
    else
      others = others + tonumber(string.sub(member, separator + 1))
    end
  end
  return others
end
local function reserve(cost)
  local wait = 0
  if available < cost then
    wait = math.ceil((cost - available) / rate * 1000)
  end
  available = available - cost
  redis.call('ZADD', pending, now + wait + lapse, id .. ':' .. cost)
  return wait
end

local wait = 0
if op == 'reserve' then
  wait = reserve(tonumber(ARGV[3]))
elseif op == 'observe' then
  local others = settle()
  local requested = tonumber(ARGV[3])
  local actual = tonumber(ARGV[4])
  if shopifyAvailable then
    available = shopifyAvailable - others
  elseif requested and actual and requested > actual then
    -- Shopify refunds what a document reserved beyond what it cost
    available = available + (requested - actual)
  end
elseif op == 'throttled' then
  local others = settle()
  local cost = tonumber(ARGV[3])
  if shopifyAvailable then
    available = shopifyAvailable - others
  else
    -- the refused request took nothing
    available = available + cost
  end
  wait = reserve(cost)
end
available = math.min(maximum, available)
redis.call('HSET', key, 'available', tostring(available), 'maximum', tostring(maximum), 'rate', tostring(rate),
  'at', tostring(now))
redis.call('PEXPIRE', key, idle)
redis.call('PEXPIRE', pending, idle)
return {tostring(wait), tostring(available), tostring(maximum), tostring(rate)}
