-- GET /q/{slug}?qr=1 as an iPhone (a printed-code scan) for wrk; QR_PATH sets the path. Used by qr-redirect.sh.
local path = os.getenv("QR_PATH") or "/q/sample?qr=1"
local headers = { ["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1" }
request = function() return wrk.format("GET", path, headers) end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50)/1000, latency:percentile(90)/1000, latency:percentile(99)/1000, latency.max/1000))
end
