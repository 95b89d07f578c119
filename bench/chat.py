"""Live-chat fan-out: 200 real Socket.IO clients in one booth lobby, sending at a steady rate.

Three setups, each served on 127.0.0.1 as ``make serve`` serves CareerExpo
(deploy/gunicorn.conf.py: one gevent worker per process):

  bare     a bare python-socketio server in the same async mode (bench/chat_baseline.py):
           ``join`` enters the room, ``send`` broadcasts; it stores and checks nothing
  1 proc   CareerExpo (bench/chat_app.py: ``CAREEREXPO_ENV=testing``, the chat flood limit
           raised out of reach but still checked) on a fresh SQLite file migrated with
           ``flask db upgrade``; 200 candidates, one employer and one expo booth written
           through the app's models, the password hashed once
  2 procs  two CareerExpo processes sharing a scratch PostgreSQL database (created and
           dropped here) and Redis (``REDIS_URL``: the Socket.IO message queue, presence,
           the flood limiter) on a private redis-server; half of the clients on each

All setups are started and their clients connected first; then each rate runs on each
setup in turn (``--repeat`` times), so setups compared ran minutes apart, not a whole
bench apart, on a machine whose load comes and goes.

The clients: python-socketio ``AsyncClient`` over WebSockets (offering permessage-deflate
as browsers do), each signed in over HTTP first with its own session cookie and the same
User-Agent, shared round-robin between ``--procs`` load-generator processes (an asyncio
loop each, bench/chat_load.py). Every client joins ``booth:<id>``; the clients take
turns sending ``rate`` messages per second in total for ``seconds`` seconds, on one
schedule, each message with its send time in the body and a unique ``client_id``. Every
client records every ``message`` event it receives. A run ends when every expected
delivery arrived, 5 s after the last one, or ``--drain`` s after the last send.

Beside the chatting clients, ``--idle-one`` (one process) and ``--idle`` (two processes)
more sign in and stay connected in no room, as most of a hall does; the memory they add
to the servers is measured per client. Last, ``--anonymous`` WebSocket transports open
without a cookie and never sign in: how soon the server closes them, and whether pages
still answer meanwhile.

Printed per run: messages sent, deliveries expected (sent × clients: the sender receives
its own broadcast too) and received, received/expected, delivered messages per second,
p50/p99/max send-to-receive latency, ``/healthz`` p95 (probed ten times a second), the
servers' CPU (per message too) and the load generators' CPU and event-loop lag, so a run
where the generator was the bottleneck shows as one. Then the targets, PASS or FAIL:
at least 5,000 signed-in clients held on two processes; nothing lost; p99 under 500 ms;
``/healthz`` p95 under 100 ms throughout; CareerExpo at least 0.7× the bare server's
delivered rate; the anonymous sockets closed within 15 s with the pages unaffected.
The exit status is 1 when a target fails.

Run:  .venv/bin/python bench/chat.py [--clients 200] [--rate 20,40] [--seconds 20]
          [--repeat 1] [--procs 2] [--idle 4800] [--idle-one 2000] [--anonymous 1000]
          [--skip-redis] [--skip-baseline] [--skip-one] [--one-postgres] [--no-deflate]
          [--keep]
Needs aiohttp (``pip install -e .[bench]``), PostgreSQL at 127.0.0.1:5432
(``BENCH_POSTGRES_ADMIN_URL``) and redis-server on PATH (or ``--redis-url``) unless
``--skip-redis``. See bench/README.md, "Chat fan-out".
"""

import argparse
import contextlib
import multiprocessing
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import metadata
from pathlib import Path

from _report import percentile, table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PASSWORD = "bench chat password"
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_ADMIN_URL",
                                    "postgresql://postgres@127.0.0.1:5432/postgres")
STARTED = time.monotonic()
P99_TARGET_MS = 500.0
RATIO_TARGET = 0.7
HEALTH_TARGET_MS = 100.0
CONNECTED_TARGET = 5_000
ANONYMOUS_CLOSE_TARGET_S = 15.0


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {text}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


# --- processes -------------------------------------------------------------------------


def cpu_seconds(pid: int, split: bool = False):
    """User + system CPU of a process and its children (gunicorn's master and worker);
    with ``split``, the pair (user, system)."""
    user = system = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(p) for p in
                 Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            user += int(fields[11]) / ticks
            system += int(fields[12]) / ticks
    return (user, system) if split else user + system


def stop_process(proc: subprocess.Popen, name: str) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            say(f"{name} did not stop in 15 s; killing it")
            proc.kill()
            proc.wait(timeout=10)


def log_tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def wait_healthy(proc: subprocess.Popen, url: str, log: Path, timeout: float = 60) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server at {url} exited with {proc.returncode}:\n{log_tail(log)}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"server at {url} did not answer in {timeout:.0f} s:\n"
                               f"{log_tail(log)}")
        time.sleep(0.2)


def start_gunicorn(stack, spec: str, env: dict, log: Path) -> tuple[str, int]:
    """``spec`` served as ``make serve`` serves CareerExpo: deploy/gunicorn.conf.py (one
    gevent worker)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
             "-b", f"127.0.0.1:{port}", "--pythonpath", str(BENCH),
             "--graceful-timeout", "5", "--timeout", "120", "--log-level", "warning", spec],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    stack.callback(stop_process, proc, f"gunicorn {spec} on {port}")
    wait_healthy(proc, url, log)
    return url, proc.pid


def start_redis(stack, tmp: Path) -> tuple[str, int | None]:
    """A private redis-server on a free loopback port: the Socket.IO channel is global
    to a Redis server (pub/sub ignores database numbers), so a shared one would mix
    this bench's broadcasts with those of test suites running meanwhile."""
    import redis

    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp), "--loglevel", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stack.callback(stop_process, proc, "redis-server")
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + 15
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.1)
    client.close()
    return url, proc.pid


def scratch_postgres(stack, suffix: str) -> str:
    """A fresh database on the local PostgreSQL, dropped when the bench ends."""
    import sqlalchemy as sa

    admin_url = POSTGRES_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    name = f"careerexpo_chatbench_{os.getpid()}_{suffix}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    stack.callback(admin.dispose)
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {name}"))

    def drop():
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        say(f"dropped PostgreSQL database {name}")

    stack.callback(drop)
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


# --- the database ----------------------------------------------------------------------


def server_env(tmp: Path, database_url: str | None, redis_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("REDIS_URL", "DATABASE_URL", "SECRET_KEY", "FLASK_APP")}
    env.update(CAREEREXPO_ENV="testing", SECRET_KEY=SECRET_KEY,
               CV_FOLDER=str(tmp / "cvs"), UPLOAD_FOLDER=str(tmp / "uploads"),
               SEARCH_INDEX_DIR=str(tmp / "search-index"), PYTHONUNBUFFERED="1",
               # Every client of the bench comes from 127.0.0.1: the per-address caps are
               # raised out of reach, as if each came from its own address (the time to
               # sign in, CHAT_SIGN_IN_SECONDS, stays at its default).
               CHAT_SOCKETS_PER_ADDRESS="1000000",
               CHAT_HANDSHAKE_RATE_LIMIT="1000000 per minute")
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


SECRET_KEY = secrets.token_hex(16)


def migrate(tmp: Path, database_url: str) -> None:
    """``flask db upgrade``, as an operator runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "careerexpo:create_app()", "db", "upgrade"],
        cwd=ROOT, env=server_env(tmp, database_url, None), capture_output=True, text=True,
        timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"flask db upgrade failed:\n{result.stdout}\n{result.stderr}")


def seed(database_url: str, clients: int) -> tuple[int, list[str]]:
    """``clients`` candidates, one employer staffing one booth at an expo, through the
    app's models in one app context; the password is hashed once and the hash reused."""
    from werkzeug.security import generate_password_hash

    from careerexpo import create_app
    from careerexpo.auth.models import User
    from careerexpo.booths.models import Booth, BoothStaff
    from careerexpo.companies.models import Company
    from careerexpo.core.database import utcnow
    from careerexpo.core.enums import Role
    from careerexpo.expos.models import Expo
    from careerexpo.extensions import db

    uri = database_url
    if uri.startswith("postgresql://"):
        uri = "postgresql+psycopg://" + uri[len("postgresql://"):]
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=uri, REDIS_URL=None,
                     RATELIMIT_STORAGE_URI="memory://",
                     CACHE_TYPE="careerexpo.core.memory_cache.MemoryCache")
    with app.app_context():
        hashed = generate_password_hash(PASSWORD, method=app.config["PASSWORD_HASH_METHOD"])
        company = Company(name="Bench Robotics", website="https://robotics.example",
                          description="We build robots.")
        company.set_offices(["hong_kong"])
        employer = User(email="staff@bench.example", name="Booth Staff", role=Role.EMPLOYER,
                        company=company, password_hash=hashed)
        today = utcnow().date()
        expo = Expo(slug="bench-expo", name="Bench Career Expo", starts_on=today,
                    ends_on=today + timedelta(days=6))
        booth = Booth(expo=expo, company=company, tagline="Come and chat")
        db.session.add_all([company, employer, expo, booth])
        db.session.flush()
        db.session.add(BoothStaff(booth_id=booth.id, user_id=employer.id))
        emails = [f"visitor{i:04d}@bench.example" for i in range(clients)]
        db.session.add_all(User(email=email, name=f"Visitor {i}", role=Role.CANDIDATE,
                                password_hash=hashed) for i, email in enumerate(emails))
        db.session.commit()
        booth_id = booth.id
        db.session.remove()
        db.engine.dispose()
    return booth_id, emails


# --- load generators -------------------------------------------------------------------


class LoadGenerators:
    """``procs`` processes of bench/chat_load.py, each holding a share of the clients."""

    def __init__(self, stack, procs: int):
        import chat_load

        ctx = multiprocessing.get_context("spawn")
        self.pipes, self.procs = [], []
        for _ in range(procs):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=chat_load.main, args=(child,), daemon=True)
            proc.start()
            child.close()
            self.pipes.append(parent)
            self.procs.append(proc)
        stack.callback(self.stop)

    def ask(self, command: str, specs: list, timeout: float) -> list[dict]:
        for pipe, spec in zip(self.pipes, specs, strict=True):
            pipe.send((command, spec))
        answers = []
        deadline = time.monotonic() + timeout
        for pipe, proc in zip(self.pipes, self.procs, strict=True):
            while not pipe.poll(0.5):
                if not proc.is_alive():
                    raise RuntimeError(f"load generator {proc.pid} died ({proc.exitcode})")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"load generator {proc.pid} did not answer {command} "
                                       f"in {timeout:.0f} s")
            kind, answer = pipe.recv()
            if kind == "error":
                raise RuntimeError(f"load generator {proc.pid} failed {command}:\n{answer}")
            answers.append(answer)
        return answers

    def stop(self) -> None:
        for pipe, proc in zip(self.pipes, self.procs, strict=True):
            if proc.is_alive():
                with contextlib.suppress(OSError, BrokenPipeError):
                    pipe.send(("close", None))
        for pipe, proc in zip(self.pipes, self.procs, strict=True):
            proc.join(timeout=70)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=10)
            pipe.close()


@dataclass
class Setup:
    """One server setup under test, with its clients connected once for every run."""

    label: str
    urls: list[str]
    emails: list[str]
    room: str
    server_pids: list[int]
    helper_pids: list[int] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    gens: "LoadGenerators | None" = None
    idle: list[str] = field(default_factory=list)
    held: dict = field(default_factory=dict)


def connect_clients(setup: Setup, procs: int, deflate: bool, stack) -> None:
    """Client i signs in on server ``i * servers // clients`` (contiguous halves) and lives
    in load generator ``i % procs``."""
    setup.gens = LoadGenerators(stack, procs)
    n = len(setup.emails)
    shares = [[] for _ in range(procs)]
    for i, email in enumerate(setup.emails):
        shares[i % procs].append((i, email, setup.urls[i * len(setup.urls) // n]))
    started = time.monotonic()
    answers = setup.gens.ask("setup", [{"clients": share, "password": PASSWORD,
                                        "room": setup.room, "concurrency": 10, "wait": 20,
                                        "deflate": deflate} for share in shares], timeout=300)
    connected = sum(a["connected"] for a in answers)
    errors = [e for a in answers for e in a["errors"]]
    if connected != n or errors:
        raise RuntimeError(f"{setup.label}: {connected} of {n} clients connected; "
                           f"{sum(a['error_count'] for a in answers)} failed, e.g. {errors[:3]}")
    say(f"{setup.label}: {n} clients signed in, connected over WebSocket and joined "
        f"{setup.room} in {time.monotonic() - started:.1f} s")
    if not setup.idle:
        setup.held = {"before": rss_bytes(setup.server_pids), "after": None, "idle": 0}
        return
    # Idle visitors: signed in and connected, in no room; the servers' memory before and
    # after them is what each one costs.
    time.sleep(1.0)
    before = rss_bytes(setup.server_pids)
    shares = [[] for _ in range(procs)]
    for i, email in enumerate(setup.idle):
        shares[i % procs].append((n + i, email,
                                  setup.urls[i * len(setup.urls) // len(setup.idle)]))
    started = time.monotonic()
    health_window = HEALTH.mark()
    answers = setup.gens.ask("idle", [{"clients": share, "password": PASSWORD,
                                       "idle_room": None, "concurrency": 20, "wait": 30,
                                       "deflate": deflate, "timeout": 900}
                                      for share in shares], timeout=1000)
    connected = sum(a["connected"] for a in answers)
    errors = [e for a in answers for e in a["errors"]]
    time.sleep(2.0)
    after = rss_bytes(setup.server_pids)
    setup.held = {"before": before, "after": after, "idle": connected,
                  "connect_seconds": time.monotonic() - started,
                  "health_p95": HEALTH.p95(setup.urls, health_window)}
    say(f"{setup.label}: {connected:,} of {len(setup.idle):,} idle visitors signed in and "
        f"connected in {time.monotonic() - started:.1f} s; server memory "
        f"{before / 2**20:,.0f} -> {after / 2**20:,.0f} MiB"
        + (f"; {len(errors)} failed, e.g. {errors[:2]}" if errors else ""))


def rss_bytes(pids: list[int]) -> int:
    """Resident memory of the gunicorn processes (master and worker) of ``pids``."""
    total = 0
    for pid in pids:
        family = [pid]
        with contextlib.suppress(OSError):
            family += [int(p) for p in
                       Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        for p in family:
            with contextlib.suppress(OSError, ValueError):
                for line in Path(f"/proc/{p}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
    return total


class HealthProbe:
    """``GET /healthz`` (and ``GET /`` where asked) on every server, ten times a second
    each, from a thread of this process, for as long as the bench runs: p95 over any
    window of it."""

    def __init__(self):
        import threading

        self.urls: list[str] = []
        self.pages: set[str] = set()
        self.samples: list[tuple[float, str, float, bool]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._probe, daemon=True)

    def start(self, urls: list[str]) -> None:
        self.urls = list(urls)
        self._thread.start()

    def _probe(self) -> None:
        import urllib.request

        while not self._stop.is_set():
            for url in self.urls:
                for path in ["/healthz"] + (["/"] if url in self.pages else []):
                    started = time.monotonic()
                    try:
                        with urllib.request.urlopen(url + path, timeout=10) as answer:
                            answer.read()
                            ok = answer.status == 200
                    except OSError:
                        ok = False
                    self.samples.append((started, url + path,
                                         (time.monotonic() - started) * 1000, ok))
            self._stop.wait(0.1)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=15)

    def mark(self) -> float:
        return time.monotonic()

    def window(self, urls: list[str], since: float, until: float | None = None,
               path: str = "/healthz") -> list[tuple[float, bool]]:
        until = until or time.monotonic()
        wanted = {u + path for u in urls}
        return [(ms, ok) for t, where, ms, ok in list(self.samples)
                if since <= t <= until and where in wanted]

    def p95(self, urls: list[str], since: float, until: float | None = None,
            path: str = "/healthz") -> float:
        samples = self.window(urls, since, until, path)
        # A failed probe counts as slower than any answer.
        return percentile([ms if ok else float("inf") for ms, ok in samples], 95)


HEALTH = HealthProbe()


def anonymous_flood(setup: Setup, count: int, limit: float = 30.0) -> dict:
    """``count`` WebSocket transports opened by hand, spread over the setup's servers:
    each reads nothing, answers no ping and never asks for /chat (the cheapest attack).
    How long until the servers closed each, and the pages' p95 meanwhile."""
    import base64
    import selectors

    flood_started = HEALTH.mark()
    HEALTH.pages.update(setup.urls)
    before = HEALTH.p95(setup.urls, flood_started - 10, flood_started, path="/")
    sel = selectors.DefaultSelector()
    opened = refused = 0
    lifetimes: list[float] = []
    for k in range(count):
        url = setup.urls[k % len(setup.urls)]
        port = int(url.rsplit(":", 1)[1])
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            key = base64.b64encode(os.urandom(16)).decode()
            sock.sendall((f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                          f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                          f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                          f"Sec-WebSocket-Version: 13\r\n\r\n").encode())
            head = sock.recv(4096)
        except OSError:
            refused += 1
            continue
        if not head.startswith(b"HTTP/1.1 101"):
            refused += 1
            sock.close()
            continue
        opened += 1
        sock.setblocking(False)
        sel.register(sock, selectors.EVENT_READ, time.monotonic())
    all_open = time.monotonic()
    deadline = all_open + limit
    while sel.get_map() and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.2):
            try:
                data = key.fileobj.recv(65536)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if not data:
                lifetimes.append(time.monotonic() - key.data)
                sel.unregister(key.fileobj)
                key.fileobj.close()
    still_open = len(sel.get_map())
    for key in list(sel.get_map().values()):
        sel.unregister(key.fileobj)
        key.fileobj.close()
    sel.close()
    ended = time.monotonic()
    result = {"label": setup.label, "count": count, "opened": opened, "refused": refused,
              "open_seconds": all_open - flood_started, "still_open": still_open,
              "closed_max": max(lifetimes, default=float("nan")),
              "closed_p50": percentile(lifetimes, 50),
              "health_p95": HEALTH.p95(setup.urls, flood_started, ended),
              "page_p95": HEALTH.p95(setup.urls, flood_started, ended, path="/"),
              "page_p95_before": before,
              "failures": sum(1 for _, ok in HEALTH.window(setup.urls, flood_started, ended)
                              + HEALTH.window(setup.urls, flood_started, ended, "/")
                              if not ok)}
    HEALTH.pages.difference_update(setup.urls)
    return result


def timed_run(setup: Setup, procs: int, rate: float, seconds: float, drain: float) -> dict:
    """``rate × seconds`` messages on one schedule shared by every load generator."""
    total = max(1, round(rate * seconds))
    clients = len(setup.emails)
    token = secrets.token_hex(3)
    pids = setup.server_pids + setup.helper_pids
    cpu0 = [cpu_seconds(p) for p in pids]
    split0 = [cpu_seconds(p, split=True) for p in setup.server_pids]
    wall0 = time.monotonic()
    start_at = time.monotonic() + 1.0
    answers = setup.gens.ask("run", [{"token": token, "rate": rate, "total": total,
                                      "nprocs": procs, "proc_index": k, "start_at": start_at,
                                      "room": setup.room, "drain": drain}
                                     for k in range(procs)], timeout=seconds + drain + 60)
    wall = time.monotonic() - wall0
    health_p95 = HEALTH.p95(setup.urls, wall0)
    cpu = [cpu_seconds(p) - c for p, c in zip(pids, cpu0, strict=True)]
    servers = len(setup.server_pids)
    split1 = [cpu_seconds(p, split=True) for p in setup.server_pids]
    user = sum(b[0] - a[0] for a, b in zip(split0, split1, strict=True))
    system = sum(b[1] - a[1] for a, b in zip(split0, split1, strict=True))
    sent = sum(a["sent"] for a in answers)
    acks: dict[str, int] = {}
    for a in answers:
        for k, v in a["acks"].items():
            acks[k] = acks.get(k, 0) + v
    received = sum(a["received"] for a in answers)
    latencies = [x for a in answers for x in a["latencies"]]
    first_send = min((a["first_send"] for a in answers if a["first_send"]), default=0.0)
    last_receive = max(a["last_receive"] for a in answers)
    window = max(last_receive - first_send, 1e-9)
    expected = sent * clients
    return {
        "label": setup.label, "rate": rate, "seconds": seconds, "clients": clients,
        "scheduled": total, "sent": sent, "acked": acks.get("ok", 0),
        "unacked": sent - sum(acks.values()),
        "refused": {k: v for k, v in acks.items() if k != "ok"},
        "expected": expected, "received": received,
        "ratio": received / expected if expected else float("nan"),
        "duplicates": sum(a["duplicates"] for a in answers),
        "delivered_per_s": received / window if received else 0.0,
        "p50": percentile(latencies, 50), "p99": percentile(latencies, 99),
        "max": max(latencies, default=float("nan")),
        "ack_p99": percentile([x for a in answers for x in a["ack_latencies"]], 99),
        "server_cpu": sum(cpu[:servers]) / wall * 100,
        "server_cpu_ms_per_msg": sum(cpu[:servers]) / max(sent, 1) * 1000,
        "server_sys_share": system / max(user + system, 1e-9) * 100,
        "helper_cpu": sum(cpu[servers:]) / wall * 100,
        "gen_cpu": sum(a["cpu_seconds"] for a in answers) / wall * 100,
        "loop_lag_p99": max(percentile(a["loop_lag_ms"], 99) for a in answers),
        "send_late_p99": max(percentile(a["send_lateness_ms"], 99) for a in answers),
        "disconnected": sum(a["disconnected"] for a in answers),
        "load": os.getloadavg()[0],
        "health_p95": health_p95,
    }


def describe(r: dict) -> str:
    return (f"received {r['received']:,} of {r['expected']:,}, "
            f"{r['delivered_per_s']:,.0f}/s, p50 {r['p50']:.0f} ms, p99 {r['p99']:.0f} ms, "
            f"/healthz p95 {r['health_p95']:.0f} ms, "
            f"server CPU {r['server_cpu']:.0f}% ({r['server_cpu_ms_per_msg']:.1f} ms/msg), "
            f"load generators {r['gen_cpu']:.0f}%")


server_errors: dict[str, tuple[int, str]] = {}


def scan_logs(setup: Setup) -> None:
    """Counts the errors the server(s) logged with a traceback (a chained traceback counts
    once, by its last exception) and keeps the most frequent exception line."""
    errors: Counter = Counter()
    for log in setup.logs:
        with contextlib.suppress(OSError):
            lines = log.read_text(errors="replace").splitlines()
            last = None
            for i, line in enumerate(lines):
                if not line.startswith("Traceback"):
                    continue
                chained = i >= 2 and any(t in lines[i - 2] for t in ("above exception",
                                                                      "During handling"))
                if chained and last is not None:
                    errors[last] -= 1  # the chain ends in a later exception
                last = next((x for x in lines[i + 1:] if x and not x[0].isspace()), "?")[:200]
                errors[last] += 1
    errors = +errors
    if errors:
        line, count = errors.most_common(1)[0]
        total = sum(errors.values())
        server_errors[setup.label] = (total, f"{count}× {line}")
        say(f"{setup.label}: the server logged {total} error(s) with a traceback; "
            f"{count}× {line}")


# --- the three setups ------------------------------------------------------------------


def prepare_bare(args, tmp: Path, stack) -> Setup:
    say("bare: python-socketio server (bench/chat_baseline.py) under gunicorn ...")
    log = tmp / "gunicorn-bare.log"
    url, pid = start_gunicorn(stack, "chat_baseline:app", server_env(tmp, None, None), log)
    emails = [f"visitor{i:05d}@bench.example" for i in range(args.clients + args.idle_bare)]
    return Setup("bare", [url], emails[:args.clients], "booth:1", [pid], logs=[log],
                 idle=emails[args.clients:])


def prepare_one(args, tmp: Path, stack) -> Setup:
    if args.one_postgres:
        url = scratch_postgres(stack, "one")
        say(f"1 proc: CareerExpo on PostgreSQL {url.rsplit('/', 1)[1]}; flask db upgrade ...")
    else:
        database = tmp / "chat.sqlite3"
        url = f"sqlite:///{database}"
        say(f"1 proc: CareerExpo on SQLite {database}; flask db upgrade ...")
    migrate(tmp, url)
    booth_id, emails = seed(url, args.clients + args.idle_one)
    say(f"1 proc: seeded {len(emails)} candidates, one employer, booth {booth_id}; "
        "starting gunicorn ...")
    log = tmp / "gunicorn-one.log"
    server_url, pid = start_gunicorn(stack, "chat_app:create_app()",
                                     server_env(tmp, url, None), log)
    return Setup("1 proc", [server_url], emails[:args.clients], f"booth:{booth_id}", [pid],
                 logs=[log], idle=emails[args.clients:])


def prepare_two(args, tmp: Path, stack) -> Setup:
    say("2 procs: CareerExpo on a scratch PostgreSQL database and Redis ...")
    database_url = scratch_postgres(stack, "two")
    if args.redis_url:
        redis_url, helpers = args.redis_url, []
    else:
        redis_url, redis_pid = start_redis(stack, tmp)
        helpers = [redis_pid]
    say(f"2 procs: PostgreSQL {database_url.rsplit('/', 1)[1]}, Redis {redis_url}; "
        "flask db upgrade ...")
    migrate(tmp, database_url)
    booth_id, emails = seed(database_url, args.clients + args.idle)
    say(f"2 procs: seeded {len(emails)} candidates, one employer, booth {booth_id}; "
        "starting two gunicorns ...")
    env = server_env(tmp, database_url, redis_url)
    urls, pids, logs = [], [], []
    for k in range(2):
        log = tmp / f"gunicorn-two-{k}.log"
        url, pid = start_gunicorn(stack, "chat_app:create_app()", env, log)
        urls.append(url)
        pids.append(pid)
        logs.append(log)
    return Setup("2 procs", urls, emails[:args.clients], f"booth:{booth_id}", pids, helpers,
                 logs, idle=emails[args.clients:])


def bench(args, tmp: Path) -> tuple[list[dict], list[Setup], list[dict]]:
    """Every setup up and connected at once; then, for each repetition and rate, one run on
    each setup in turn, so that the setups compared ran minutes apart at most; then the
    anonymous flood on each CareerExpo setup."""
    results: list[dict] = []
    setups: list[Setup] = []
    floods: list[dict] = []
    try:
        with contextlib.ExitStack() as stack:
            if not args.skip_baseline:
                setups.append(prepare_bare(args, tmp, stack))
            if not args.skip_one:
                setups.append(prepare_one(args, tmp, stack))
            if not args.skip_redis:
                setups.append(prepare_two(args, tmp, stack))
            HEALTH.start([url for setup in setups for url in setup.urls])
            stack.callback(HEALTH.stop)
            for setup in setups:
                connect_clients(setup, args.procs, not args.no_deflate, stack)
            time.sleep(1.0)  # the joins' presence broadcasts settle
            for setup in setups:
                warm = timed_run(setup, args.procs, args.rates[0], min(args.seconds, 3.0),
                                 args.drain)
                say(f"{setup.label}: warm-up, {describe(warm)}")
            for rep in range(args.repeat):
                for rate in args.rates:
                    for setup in setups:
                        say(f"{setup.label}: {rate:g} messages/s for {args.seconds:g} s "
                            f"({rate * args.clients:,.0f} deliveries/s offered)"
                            + (f", repetition {rep + 1}" if args.repeat > 1 else "") + " ...")
                        result = timed_run(setup, args.procs, rate, args.seconds, args.drain)
                        result["rep"] = rep
                        say(f"  {describe(result)}")
                        results.append(result)
                        time.sleep(1.0)
            for setup in setups:
                status = setup.gens.ask("status", [None] * args.procs, timeout=60)
                setup.held["chatting"] = sum(a["chatting"] for a in status)
                setup.held["still_idle"] = sum(a["idle"] for a in status)
                setup.held["rss_end"] = rss_bytes(setup.server_pids)
                say(f"{setup.label}: after the runs {setup.held['chatting']:,} chatting and "
                    f"{setup.held['still_idle']:,} idle clients still connected")
            if args.anonymous:
                for setup in setups:
                    if setup.label == "bare":
                        continue
                    say(f"{setup.label}: {args.anonymous:,} anonymous WebSocket transports "
                        "that never sign in ...")
                    flood = anonymous_flood(setup, args.anonymous)
                    say(f"  opened {flood['opened']:,} in {flood['open_seconds']:.1f} s; "
                        f"all closed by the server within {flood['closed_max']:.1f} s "
                        f"({flood['still_open']} still open); /healthz p95 "
                        f"{flood['health_p95']:.0f} ms, / p95 {flood['page_p95']:.0f} ms")
                    floods.append(flood)
            say("disconnecting clients, stopping servers ...")
    finally:
        for setup in setups:
            scan_logs(setup)
    return results, setups, floods


# --- report ----------------------------------------------------------------------------


def fmt(value: float, digits: int = 0) -> str:
    return "-" if value != value else f"{value:,.{digits}f}"


def median(values: list[float]) -> float:
    return percentile(values, 50)


def report(args, results: list[dict], setups: list[Setup], floods: list[dict]) -> int:
    print()
    print("Connected clients held (signed in over HTTP, then a WebSocket each: the chatting "
          "clients in the lobby, the idle ones in no room)")
    held_rows = []
    for setup in setups:
        h = setup.held
        per_client = ((h["after"] - h["before"]) / h["idle"]
                      if h.get("after") and h.get("idle") else float("nan"))
        held_rows.append([
            setup.label, str(len(setup.urls)),
            f"{h.get('chatting', 0) + h.get('still_idle', 0):,}",
            f"{h.get('chatting', 0):,}", f"{h.get('still_idle', 0):,}",
            fmt(h.get("connect_seconds", float("nan")), 0),
            fmt(h["before"] / 2**20), fmt((h.get("after") or float("nan")) / 2**20),
            fmt(per_client / 1024, 1), fmt(h.get("health_p95", float("nan")), 0)])
    print(table(["setup", "procs", "held", "chatting", "idle", "idle connect s",
                 "server MiB before idle", "after", "KiB per client",
                 "/healthz p95 ms while connecting"], held_rows, left=(0,)))
    print("  held = clients still connected after every run; KiB per client = the servers' "
          "resident memory (gunicorn master + worker) added by the idle clients, per client.")
    print()
    print(f"Chat fan-out: {args.clients} clients in one booth lobby, {args.seconds:g} s per run, "
          f"{args.procs} load-generator process(es), gunicorn with deploy/gunicorn.conf.py "
          "(one gevent worker) per server process"
          + ("" if args.no_deflate else ", clients offer permessage-deflate"))
    rows = []
    for r in results:
        problems = sum(r["refused"].values()) + r["unacked"] + r["duplicates"] + r["disconnected"]
        rows.append([
            r["label"], str(r["clients"]), f"{r['rate']:g}", str(r["sent"]),
            f"{r['expected']:,}", f"{r['received']:,}", f"{r['ratio']:.4f}",
            fmt(r["delivered_per_s"]), fmt(r["p50"], 1), fmt(r["p99"], 1), fmt(r["max"]),
            f"{r['server_cpu']:.0f}%" + (f" +{r['helper_cpu']:.0f}%" if r["helper_cpu"] else ""),
            fmt(r["server_cpu_ms_per_msg"], 1), f"{r['server_sys_share']:.0f}%",
            f"{r['gen_cpu']:.0f}%", fmt(r["loop_lag_p99"], 1), str(problems),
            fmt(r["health_p95"]), f"{r['load']:.1f}"])
    print(table(["setup", "clients", "msg/s", "sent", "expected", "received", "recv/exp",
                 "delivered/s", "p50 ms", "p99 ms", "max ms", "server CPU", "CPU ms/msg",
                 "sys", "gen CPU", "lag p99", "problems", "/healthz p95", "load"], rows,
                left=(0,)))
    print("  expected = sent × clients (every client in the room, the sender too, receives "
          "each message); delivered/s = received / (last receipt − first send);")
    print("  latency = a message's receipt by a client − its send time (in its body); server "
          "CPU = the gunicorn process(es), 100% = one core (+ redis-server);")
    print("  CPU ms/msg = the gunicorns' CPU per message sent, its fan-out included; sys = the "
          "kernel's share of it;")
    print("  gen CPU = the load generators; lag p99 = their event loops' lag; problems = sends "
          "refused or unanswered + duplicates + disconnects; load = 1-min load average.")
    for r in results:
        if r["refused"] or r["unacked"]:
            print(f"  {r['label']} at {r['rate']:g}/s: refused {r['refused']}, "
                  f"no answer {r['unacked']}")
    for label, (count, first) in server_errors.items():
        print(f"  {label}: the server logged {count} error(s) with a traceback, most often: "
              f"{first}")

    print()
    checks = []
    runs: dict[tuple[str, float], list[dict]] = {}
    for r in results:
        runs.setdefault((r["label"], r["rate"]), []).append(r)
    reps = f" (median of {args.repeat})" if args.repeat > 1 else ""
    for rate in args.rates:
        present = [r for r in results if r["rate"] == rate]
        lost = [r for r in present if r["received"] != r["expected"] or r["sent"]
                != r["scheduled"] or r["refused"] or r["unacked"] or r["duplicates"]]
        worst = {}
        for r in present:
            worst[r["label"]] = min(worst.get(r["label"], 2.0), r["ratio"])
        checks.append((rate, "nothing lost: received = sent × clients, every run",
                       ", ".join(f"{k} {v:.4f}" for k, v in worst.items()), not lost))
        for label in ("1 proc", "2 procs"):
            if (label, rate) in runs:
                p99 = median([r["p99"] for r in runs[label, rate]])
                checks.append((rate, f"p99 < {P99_TARGET_MS:.0f} ms at {args.clients} clients, "
                               f"CareerExpo {label}", f"{p99:.1f} ms{reps}", p99 < P99_TARGET_MS))
        for slow, fast, what in (("1 proc", "bare", "1 proc ≥ 0.7× bare, delivered/s"),
                                 ("2 procs", "bare", "2 procs ≥ 0.7× bare, delivered/s")):
            if (slow, rate) in runs and (fast, rate) in runs:
                pairs = list(zip(runs[slow, rate], runs[fast, rate], strict=True))
                ratio = median([a["delivered_per_s"] / max(b["delivered_per_s"], 1e-9)
                                for a, b in pairs])
                a = median([a["delivered_per_s"] for a, _ in pairs])
                b = median([b["delivered_per_s"] for _, b in pairs])
                checks.append((rate, what, f"{ratio:.2f}× ({a:,.0f} vs {b:,.0f}){reps}",
                               ratio >= RATIO_TARGET))
    connected = {s.label: s.held.get("chatting", 0) + s.held.get("still_idle", 0)
                 for s in setups}
    if "2 procs" in connected:
        checks.append(("-", f"≥ {CONNECTED_TARGET:,} signed-in clients held, 2 procs over Redis",
                       f"{connected['2 procs']:,}", connected["2 procs"] >= CONNECTED_TARGET))
    for r in results:
        if r["label"] != "bare":
            checks.append((f"{r['rate']:g}", f"/healthz p95 < {HEALTH_TARGET_MS:.0f} ms while "
                           f"chatting, {r['label']}", f"{r['health_p95']:.0f} ms",
                           r["health_p95"] < HEALTH_TARGET_MS))
    for setup in setups:
        if "health_p95" in setup.held and setup.label != "bare":
            p95 = setup.held["health_p95"]
            checks.append(("-", f"/healthz p95 < {HEALTH_TARGET_MS:.0f} ms while "
                           f"{setup.held['idle']:,} clients connect, {setup.label}",
                           f"{p95:.0f} ms", p95 < HEALTH_TARGET_MS))
    for f in floods:
        checks.append(("-", f"{f['count']:,} anonymous sockets closed within "
                       f"{ANONYMOUS_CLOSE_TARGET_S:.0f} s, {f['label']}",
                       f"{f['opened']:,} opened, last closed after {f['closed_max']:.1f} s, "
                       f"{f['still_open']} left open",
                       f["still_open"] == 0 and f["closed_max"] < ANONYMOUS_CLOSE_TARGET_S))
        checks.append(("-", f"pages unaffected by them, {f['label']}: /healthz p95 < "
                       f"{HEALTH_TARGET_MS:.0f} ms, / answers",
                       f"/healthz p95 {f['health_p95']:.0f} ms, / p95 {f['page_p95']:.0f} ms "
                       f"(before {f['page_p95_before']:.0f} ms), {f['failures']} failed",
                       f["health_p95"] < HEALTH_TARGET_MS and not f["failures"]))
    print(table(["msg/s", "target (issue 14)", "measured", "verdict"],
                [[rate if isinstance(rate, str) else f"{rate:g}", what, measured,
                  "PASS" if ok else "FAIL"]
                 for rate, what, measured, ok in checks], left=(1, 2, 3)))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n{platform.python_implementation()} {platform.python_version()}, "
          f"python-socketio {version('python-socketio')}, python-engineio "
          f"{version('python-engineio')}, Flask-SocketIO {version('Flask-SocketIO')}, "
          f"simple-websocket {version('simple-websocket')}, gunicorn {version('gunicorn')}, "
          f"aiohttp {version('aiohttp')}; {os.cpu_count()} CPUs; load average {load}")
    return 0 if all(ok for *_, ok in checks) else 1


def raise_file_limit() -> None:
    """Thousands of sockets, each a file descriptor here (load generators, inherited) and
    in the servers (deploy/gunicorn.conf.py raises theirs)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    say(f"open files limit {max(soft, hard) if hard != resource.RLIM_INFINITY else soft:,}")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", default="20",
                        help="messages per second in total; a comma-separated list sweeps "
                             "(default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per run (default 20)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per setup and rate; the verdicts take the median")
    parser.add_argument("--procs", type=int, default=2,
                        help="load-generator processes (default 2: one falls behind at "
                             "8,000 deliveries/s on 2 cores)")
    parser.add_argument("--idle", type=int, default=4_800,
                        help="idle signed-in clients (connected, in no room) on the two "
                             "processes, half each (default 4,800: 5,000 with the chatters)")
    parser.add_argument("--idle-one", type=int, default=2_000,
                        help="idle signed-in clients on the one process (default 2,000)")
    parser.add_argument("--idle-bare", type=int, default=0,
                        help="idle clients on the bare server (default none)")
    parser.add_argument("--anonymous", type=int, default=1_000,
                        help="anonymous transports opened against each CareerExpo setup at "
                             "the end (default 1,000; 0 skips)")
    parser.add_argument("--drain", type=float, default=120.0,
                        help="at most this many seconds after the last send to wait for "
                             "deliveries (a run also ends 5 s after the last delivery)")
    parser.add_argument("--skip-redis", action="store_true",
                        help="skip the two-process PostgreSQL + Redis setup")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-one", action="store_true")
    parser.add_argument("--one-postgres", action="store_true",
                        help="run the one-process setup on a scratch PostgreSQL database "
                             "instead of SQLite (no Redis)")
    parser.add_argument("--redis-url", help="an existing Redis instead of a private "
                                            "redis-server (its pub/sub must be free of others)")
    parser.add_argument("--no-deflate", action="store_true",
                        help="clients do not offer permessage-deflate (browsers do)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch directory (server logs, SQLite file)")
    args = parser.parse_args(argv)
    args.rates = [float(x) for x in args.rate.split(",") if x.strip()]
    if not args.rates or min(args.rates) <= 0 or args.seconds <= 0 or args.clients < 2:
        parser.error("rates and seconds must be positive, clients at least 2")
    if args.repeat < 1 or args.procs < 1:
        parser.error("--repeat and --procs must be at least 1")
    if not args.skip_redis and not args.redis_url and not shutil.which("redis-server"):
        parser.error("no redis-server on PATH: give --redis-url or --skip-redis")
    if args.skip_baseline and args.skip_one and args.skip_redis:
        parser.error("nothing to run")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    # This checkout's careerexpo and bench modules, as the servers started here use.
    sys.path[:0] = [str(BENCH), str(ROOT)]
    # SIGTERM unwinds like Ctrl-C, so every process started here is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    say(f"chat bench: {args.clients} clients, {args.rate} messages/s, {args.seconds:g} s per "
        f"run; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    tmp = Path(tempfile.mkdtemp(prefix="careerexpo-chatbench-"))
    raise_file_limit()
    try:
        results, setups, floods = bench(args, tmp)
    except BaseException:
        for log in sorted(tmp.glob("gunicorn-*.log")):
            tail = log_tail(log)
            if tail:
                print(f"--- {log.name} (last lines) ---\n{tail}", file=sys.stderr)
        raise
    finally:
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return report(args, results, setups, floods)


if __name__ == "__main__":
    sys.exit(main())
