"""Load generators for bench/pages.py: wrk when it is installed, else Python processes.

Both keep each connection open while the server allows it (gunicorn's sync
workers close it after every response, so both then reconnect), pick paths from
a list in turn, and report requests, requests per second, p50/p99 latency and
how many responses were not 200.
"""

import http.client
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

from _report import percentile


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    non_200: int
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_path() -> str | None:
    return shutil.which("wrk")


# Counts non-200 answers per thread and adds them up at the end; paths are taken
# in turn from a random starting point so threads do not walk in step.
WRK_SCRIPT = """
local paths = %s
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  non200 = 0
  codes = ""
  math.randomseed(os.time() + #threads * 7919)
  at = math.random(#paths)
end
function request()
  at = at %% #paths + 1
  return wrk.format("GET", paths[at])
end
function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if #codes < 60 then codes = codes .. status .. " " end
  end
end
function done(summary, latency, requests)
  local total, seen = 0, ""
  for _, t in ipairs(threads) do
    total = total + t:get("non200")
    seen = seen .. t:get("codes")
  end
  io.write(string.format("NON200 %%d\\nCODES %%s\\n", total, seen))
end
"""

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(base_url: str, paths: list[str], seconds: float, connections: int,
            threads: int) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ("{" + ", ".join(json.dumps(p) for p in paths) + "}"))
    try:
        out = subprocess.run(
            [wrk_path(), "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
             "--latency", "--timeout", "10s", "-s", script.name, base_url],
            capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    took = re.search(r"requests in ([\d.]+)(us|ms|s|m)", out)
    # wrk leaves out the distribution when nothing completed.
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    codes = Counter(re.search(r"CODES (.*)", out).group(1).split())
    return LoadResult(requests=requests, seconds=_ms("".join(took.groups())) / 1000,
                      p50_ms=_ms(latency["50"]) if latency else float("nan"),
                      p99_ms=_ms(latency["99"]) if latency else float("nan"),
                      non_200=int(re.search(r"NON200 (\d+)", out).group(1)),
                      statuses=dict(codes), errors=errors)


def _python_worker(args) -> tuple[int, list[float], dict[str, int], int]:
    host, port, paths, seconds, seed = args
    rng = random.Random(seed)
    at = rng.randrange(len(paths))
    latencies, statuses, errors = [], Counter(), 0
    conn = None
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        at = (at + 1) % len(paths)
        start = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", paths[at])
            response = conn.getresponse()
            response.read()
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            errors += 1
            if conn is not None:
                conn.close()
            conn = None
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        statuses[str(response.status)] += 1
    if conn is not None:
        conn.close()
    return len(latencies), latencies, dict(statuses), errors


def run_python(host: str, port: int, paths: list[str], seconds: float,
               connections: int) -> LoadResult:
    """``connections`` processes, each one connection; the GIL would cap threads."""
    jobs = [(host, port, paths, seconds, i) for i in range(connections)]
    with multiprocessing.Pool(connections) as pool:
        parts = pool.map(_python_worker, jobs)
    latencies = [ms for part in parts for ms in part[1]]
    statuses = Counter()
    for part in parts:
        statuses.update(part[2])
    requests = sum(part[0] for part in parts)
    return LoadResult(requests=requests, seconds=seconds,
                      p50_ms=percentile(latencies, 50), p99_ms=percentile(latencies, 99),
                      non_200=requests - statuses.get("200", 0),
                      statuses={k: n for k, n in statuses.items() if k != "200"},
                      errors=sum(part[3] for part in parts))
