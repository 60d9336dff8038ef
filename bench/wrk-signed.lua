-- wrk script: sends the signed webhook deliveries that SignedRequestSet wrote (REQUESTS names the file),
-- round-robin, so every request carries a valid Shopify HMAC over its own body.
local requests
local i = 0

function init(args)
  requests = dofile(os.getenv("REQUESTS"))
end

function request()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format("POST", nil, r.headers, r.body)
end
