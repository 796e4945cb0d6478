-- wrk script for `sitrep serve`: cycles through the event filters analysts use (country + type + a 30-day window,
-- an actor's country, a radius around a town, a place name, newest first, article words, a CSV export), each with
-- its own 30-day window taken in turn from 2022-2023, so the store's cache does not see one query repeated.
-- Usage: wrk -t2 -c8 -d30s --latency -s benchmarks/server/events.lua http://127.0.0.1:5080
local shapes = {
  "/api/events?country=UA&type=ASSAULT&since=%s&until=%s&limit=50",
  "/api/events?country=RUS&since=%s&until=%s&limit=50",
  "/api/events?near=50.45,30.52&radius=100&since=%s&until=%s&limit=50",
  "/api/events?place=Gaza&since=%s&until=%s&limit=50",
  "/api/events?type=PROTEST&sort=-date&since=%s&until=%s&limit=50",
  "/api/events?country=FR&type=PROTEST&since=%s&until=%s&limit=100&format=csv",
  "/api/events?text=Kharkiv&type=ASSAULT&since=%s&until=%s&limit=50",
  "/api/events?country=SD&modality=reported&since=%s&until=%s&limit=50&format=geojson",
}

local counter = 0

local function day(offset)
  -- 2022-01-01 plus offset days, as yyyy-mm-dd (os.date works in seconds).
  return os.date("!%Y-%m-%d", 1640995200 + offset * 86400)
end

request = function()
  counter = counter + 1
  local shape = shapes[(counter % #shapes) + 1]
  local start = (counter * 37) % 700
  return wrk.format("GET", string.format(shape, day(start), day(start + 29)))
end

local errors = 0
response = function(status)
  if status ~= 200 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.0f req/s; non-200 %d; socket errors %d\n",
    summary.requests, seconds, summary.requests / seconds, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
