
-- RingCentral inbound-SMS notifications for wrk: a unique uuid/message id per request (unique per run,
-- thread and request), every 10th request a redelivery of an earlier uuid. Used by ingest.sh.
local f = io.open(os.getenv("TEMPLATE") or "template.json"); local template = f:read("*a"); f:close()
local counter = 0
local run = os.time()
local thread_id = 0
-- Several wrk processes (one per app instance) set different WRK_INSTANCE digits so their keys differ.
local instance = tonumber(os.getenv("WRK_INSTANCE") or "0")
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
request = function()
  counter = counter + 1
  local n = counter
  if n % 10 == 0 then n = n - 5 end -- every 10th request redelivers an earlier uuid
  local key = string.format("%d-%d-%d-%07d", run, instance, tid, n)
  local body = template:gsub("UUID", "wrk-" .. key):gsub("MSGID", string.format("7%d%d%d%07d", run % 100000, instance, tid, n)):gsub("PHONE", string.format("+1212555%04d", n % 10000))
  return wrk.format("POST", "/api/v1/ringcentral/webhooks/sms", {["Content-Type"]="application/json", ["Verification-Token"]=os.getenv("TOKEN") or "bench-verification-token"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/errors %d, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50)/1000, latency:percentile(90)/1000, latency:percentile(99)/1000, latency.max/1000))
end
