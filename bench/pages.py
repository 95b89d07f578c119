"""Requests per second of the app served as in production, page by page.

Starts ``gunicorn -w 2 -b 127.0.0.1:PORT "careerexpo:create_app()"`` with
CAREEREXPO_ENV=production on the benchmark SQLite database of bench/search.py
(100,000 roles, built first if it is missing; --jobs for another size), waits
for it, then drives it over HTTP from other processes -- wrk when it is
installed, else Python processes with http.client. Each row is warmed up for 2 s,
then measured for 12 s in 4 interleaved rounds (health, job page, search, … then
again), each ratio taken within its round: the machine's speed may drift, and a
ratio should not compare two different minutes.

  /healthz                      a trivial JSON route: the baseline
  /jobs/<id>                    a job page, over ids spread through the database
  /jobs?q=engineer&level=entry  a search page (a signed-out visitor's: after the
                                first request it comes from the public page cache)
  the same, uncached            with an ignored ``nocache=<n>`` argument that differs
                                on every request, so the page is rendered and the
                                search run every time (searches have no cache of their
                                own: the index answers)

Every response that is not a 200 is counted and shown: a benchmark of error
pages is worthless. Targets (on the median of the rounds' ratios): job page
>= 0.5x the requests per second of /healthz, search page >= 0.1x.

Run:  .venv/bin/python bench/pages.py [--jobs N] [--duration 12] [--rounds 4]
                                      [--generator wrk|python]
"""

import argparse
import http.client
import os
import platform
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import _data
import _load
from _data import say
from _report import table, verdict

SEARCH = "/jobs?q=engineer&level=entry"


@dataclass
class Target:
    name: str
    pattern: str  # what the paths look like, for the table
    paths: list[str]  # the measured run takes these in turn
    warmup_paths: list[str]
    min_ratio: float | None = None  # requests per second at least this times /healthz
    note: str = ""


def targets(jobs: int) -> list[Target]:
    rng = random.Random(11)
    ids = rng.sample(range(1, jobs + 1), min(jobs, 50_000))
    cut = max(1, len(ids) // 10)
    pages = [f"/jobs/{i}" for i in ids]
    nocache = [f"{SEARCH}&nocache={n}" for n in range(40_000)]
    return [
        Target("health", "/healthz", ["/healthz"], ["/healthz"]),
        Target("job page", "/jobs/<id>", pages[cut:], pages[:cut], min_ratio=0.5,
               note=f"spread over {len(ids) - cut:,} ids, so the page cache rarely answers"),
        Target("search page", SEARCH, [SEARCH], [SEARCH], min_ratio=0.1,
               note="as a visitor sees it: from the page cache after the first request"),
        Target("search, uncached", f"{SEARCH}&nocache=<n>", nocache[4_000:], nocache[:4_000],
               min_ratio=0.1,
               note="a fresh URL each request: rendered and searched every time"),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database: Path, port: int, workers: int, log: Path,
                 **settings: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "FLASK_APP")}
    env.update(CAREEREXPO_ENV="production", SECRET_KEY=secrets.token_hex(32),
               DATABASE_URL=f"sqlite:///{database}", **settings)
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "careerexpo:create_app()"]
    extra = "".join(f", {k}={v}" for k, v in settings.items())
    say(f"Starting: {' '.join(command[2:])} (CAREEREXPO_ENV=production{extra}, log {log.name})")
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=_data.ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)


def get(port: int, path: str) -> tuple[int, str, int, float]:
    """One request on a fresh connection: status, content type, body size, milliseconds."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        return (response.status, response.getheader("Content-Type", ""), len(body),
                (time.perf_counter() - start) * 1000)
    finally:
        conn.close()


def wait_for(server: subprocess.Popen, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text()[-3000:]
            raise SystemExit(f"gunicorn exited with {server.returncode}:\n{tail}")
        try:
            if get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer /healthz within {timeout:g} s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def drive(args, port: int, paths: list[str], seconds: float) -> _load.LoadResult:
    if args.generator == "wrk":
        return _load.run_wrk(f"http://127.0.0.1:{port}", paths, seconds, args.connections,
                             threads=min(args.connections, 2))
    return _load.run_python("127.0.0.1", port, paths, seconds, args.connections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000,
                        help="roles in the benchmark database (default 100000)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--duration", type=float, default=12,
                        help="measured seconds per row, over all rounds (default 12)")
    parser.add_argument("--rounds", type=int, default=4,
                        help="interleaved rounds the measured seconds are split into (default 4)")
    parser.add_argument("--warmup", type=float, default=2, help="warm-up seconds per row")
    parser.add_argument("--connections", type=int, default=4,
                        help="concurrent connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto",
                        help="load generator (default: wrk when installed)")
    args = parser.parse_args(argv)
    if args.generator == "auto":
        args.generator = "wrk" if _load.wrk_path() else "python"
    elif args.generator == "wrk" and not _load.wrk_path():
        parser.error("wrk is not installed (apt-get install wrk), or use --generator python")

    say(f"Python {platform.python_version()}, gunicorn {version('gunicorn')}, "
        f"{os.cpu_count()} CPUs, load average {_load_average()}")
    database = _data.sqlite_database(args.jobs, rebuild=args.rebuild)
    port = free_port()
    log = _data.DATA_DIR / "gunicorn.log"
    servers = {}
    try:
        servers[True] = start_server(database, port, args.workers, log)
        wait_for(servers[True], port, log)
        say(f"Serving on 127.0.0.1:{port}; load from {args.generator}, "
            f"{args.connections} connections, "
            f"{args.warmup:g} s warm-up + {args.duration:g} s per row in {args.rounds} "
            f"interleaved rounds; {os.cpu_count()} CPUs shared by server and load")
        rows = run_targets(args, port, targets(args.jobs))
    finally:
        for server in servers.values():
            stop_server(server)
    status = report(rows)
    say(f"Load average at the end: {_load_average()}")
    return status


def _load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


@dataclass
class Measured:
    """A target's rounds; round r of every target ran back to back with round r of the
    health route, so a ratio compares requests served under the same machine load."""
    target: Target
    rounds: list[_load.LoadResult]

    @property
    def requests(self) -> int:
        return sum(r.requests for r in self.rounds)

    @property
    def rps(self) -> float:
        return self.requests / sum(r.seconds for r in self.rounds)

    def ratios(self, health: "Measured") -> list[float]:
        return [r.rps / h.rps for r, h in zip(self.rounds, health.rounds, strict=True)]


def run_targets(args, port: int, wanted: list[Target]) -> list:
    """Checks and warms up every target, then measures them in interleaved rounds: on a
    machine whose speed drifts (shared CPUs), one long run per target would compare the
    health route of one minute with a job page of another."""
    rows, usable = [], []
    for target in wanted:
        status, kind, size, ms = get(port, target.paths[0])
        say(f"  GET {target.paths[0]} -> {status} {kind}, {size:,} bytes, {ms:.1f} ms")
        if status != 200:
            rows.append((target, f"answers {status}: not measured"))
            continue
        drive(args, port, target.warmup_paths, args.warmup)
        usable.append(Measured(target, []))
    seconds = args.duration / args.rounds
    for n in range(args.rounds):
        say(f"  round {n + 1}/{args.rounds}: ", end="")
        for measured in usable:
            paths = measured.target.paths
            share = max(1, len(paths) // args.rounds)
            # Each round its own part of the ids, so no round re-reads another's pages.
            part = paths[n * share:(n + 1) * share] or paths
            result = drive(args, port, part, seconds)
            measured.rounds.append(result)
            say(f"{measured.target.name} {result.rps:,.0f}/s; ", end="")
        say()
    return rows + [(m.target, m) for m in usable]


def report(rows) -> int:
    health = next((m for t, m in rows if t.name == "health"), None)
    if not isinstance(health, Measured):
        say("/healthz could not be measured")
        return 1
    lines, problems = [], []
    for target, measured in rows:
        if isinstance(measured, str):
            lines.append([target.name, target.pattern, "-", "-", "-", "-", "-", "-", "-",
                          f">={target.min_ratio:g}x", "FAIL"])
            problems.append(f"  {target.name}: {measured}")
            continue
        ratios = measured.ratios(health)
        ratio = statistics.median(ratios)
        non_200 = sum(r.non_200 for r in measured.rounds)
        errors = sum(r.errors for r in measured.rounds)
        ok = non_200 == 0 and errors == 0 and ratio >= (target.min_ratio or 0)
        lines.append([target.name, target.pattern, f"{measured.requests:,}",
                      f"{measured.rps:,.1f}",
                      f"{statistics.median(r.p50_ms for r in measured.rounds):.1f}",
                      f"{max(r.p99_ms for r in measured.rounds):.1f}", f"{non_200:,}",
                      f"{ratio:.2f}x", f"{min(ratios):.2f}-{max(ratios):.2f}",
                      f">={target.min_ratio:g}x" if target.min_ratio else "baseline",
                      verdict(ok) if target.min_ratio else ""])
        if non_200 or errors:
            statuses: dict[str, int] = {}
            for r in measured.rounds:
                for key, count in r.statuses.items():
                    statuses[key] = statuses.get(key, 0) + count
            problems.append(f"  {target.name}: {non_200:,} non-200 answers {statuses}, "
                            f"{errors:,} socket errors")
    say()
    say(table(["page", "path", "requests", "req/s", "p50 ms", "p99 ms", "non-200",
               "vs health", "rounds", "target", "result"], lines))
    say("  vs health: the median over the rounds of (requests/s ÷ the health route's in the "
        "same round); rounds: the lowest and highest of those")
    for target, _ in rows:
        if target.note:
            say(f"  {target.name}: {target.note}")
    for line in problems:
        say(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
