-- wrk script for benchmarks/serve.py: each request GETs the next path of the file named
-- by $WRK_PATHS (one path a line), so a page measured on a cache miss cycles through
-- many different articles; each of the $WRK_THREADS threads starts at its own place.
-- At the end it writes one line, "BENCH {json}", that serve.py reads.

local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. os.getenv("WRK_PATHS"))
  end
  -- $WRK_OFFSET: where the previous run of the same list stopped.
  local threads = tonumber(os.getenv("WRK_THREADS") or "1")
  local offset = tonumber(os.getenv("WRK_OFFSET") or "0")
  position = (offset + math.floor(#paths * id / threads)) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  local errors = summary.errors
  -- Every latency seen and how often (microseconds), so that serve.py can merge the
  -- runs of a page and read exact percentiles from them.
  local histogram = {}
  for i = 1, #latency do
    local value, count = latency(i)
    histogram[#histogram + 1] = string.format("[%d,%d]", value, count)
  end
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d, ' ..
    '"latency_us": [%s]}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout, table.concat(histogram, ",")))
end
