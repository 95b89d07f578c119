"""Live-chat fan-out: 200 real Socket.IO clients in one booth lobby, sending at a steady rate.

Three setups, each served by gunicorn's threaded worker on 127.0.0.1
(``-k gthread --threads 300 -w 1``: every WebSocket holds a thread):

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

Printed per run: messages sent, deliveries expected (sent × clients: the sender receives
its own broadcast too) and received, received/expected, delivered messages per second,
p50/p99/max send-to-receive latency, the servers' CPU (per message too) and the load
generators' CPU and event-loop lag, so a run where the generator was the bottleneck
shows as one. Then the targets of issue 3 ("Speed, measured"), PASS or FAIL per rate:
nothing lost; p99 under 250 ms at 200 clients; CareerExpo on one process at least 0.7×
the bare server's delivered rate; two processes over Redis at least 0.7× one process.
The exit status is 1 when a target fails.

Run:  .venv/bin/python bench/chat.py [--clients 200] [--rate 20,40] [--seconds 20]
          [--repeat 1] [--procs 2] [--skip-redis] [--skip-baseline] [--skip-one]
          [--one-postgres] [--no-deflate] [--keep]
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
P99_TARGET_MS = 250.0
RATIO_TARGET = 0.7


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


def start_gunicorn(stack, spec: str, env: dict, threads: int, log: Path) -> tuple[str, int]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gthread", "--threads", str(threads),
             "-w", "1", "-b", f"127.0.0.1:{port}", "--pythonpath", str(BENCH),
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
               PYTHONUNBUFFERED="1")
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
    """200 candidates, one employer staffing one booth at an expo, through the app's
    models in one app context; the password is hashed once and the hash reused."""
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
    }


def describe(r: dict) -> str:
    return (f"received {r['received']:,} of {r['expected']:,}, "
            f"{r['delivered_per_s']:,.0f}/s, p50 {r['p50']:.0f} ms, p99 {r['p99']:.0f} ms, "
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
    url, pid = start_gunicorn(stack, "chat_baseline:app", server_env(tmp, None, None),
                              args.threads, log)
    emails = [f"visitor{i:04d}@bench.example" for i in range(args.clients)]
    return Setup("bare", [url], emails, "booth:1", [pid], logs=[log])


def prepare_one(args, tmp: Path, stack) -> Setup:
    if args.one_postgres:
        url = scratch_postgres(stack, "one")
        say(f"1 proc: CareerExpo on PostgreSQL {url.rsplit('/', 1)[1]}; flask db upgrade ...")
    else:
        database = tmp / "chat.sqlite3"
        url = f"sqlite:///{database}"
        say(f"1 proc: CareerExpo on SQLite {database}; flask db upgrade ...")
    migrate(tmp, url)
    booth_id, emails = seed(url, args.clients)
    say(f"1 proc: seeded {len(emails)} candidates, one employer, booth {booth_id}; "
        "starting gunicorn ...")
    log = tmp / "gunicorn-one.log"
    server_url, pid = start_gunicorn(stack, "chat_app:create_app()",
                                     server_env(tmp, url, None), args.threads, log)
    return Setup("1 proc", [server_url], emails, f"booth:{booth_id}", [pid], logs=[log])


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
    booth_id, emails = seed(database_url, args.clients)
    say(f"2 procs: seeded {len(emails)} candidates, one employer, booth {booth_id}; "
        "starting two gunicorns ...")
    env = server_env(tmp, database_url, redis_url)
    urls, pids, logs = [], [], []
    for k in range(2):
        log = tmp / f"gunicorn-two-{k}.log"
        url, pid = start_gunicorn(stack, "chat_app:create_app()", env, args.threads, log)
        urls.append(url)
        pids.append(pid)
        logs.append(log)
    return Setup("2 procs", urls, emails, f"booth:{booth_id}", pids, helpers, logs)


def bench(args, tmp: Path) -> list[dict]:
    """Every setup up and connected at once; then, for each repetition and rate, one run on
    each setup in turn, so that the setups compared ran minutes apart at most."""
    results: list[dict] = []
    setups: list[Setup] = []
    try:
        with contextlib.ExitStack() as stack:
            if not args.skip_baseline:
                setups.append(prepare_bare(args, tmp, stack))
            if not args.skip_one:
                setups.append(prepare_one(args, tmp, stack))
            if not args.skip_redis:
                setups.append(prepare_two(args, tmp, stack))
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
            say("disconnecting clients, stopping servers ...")
    finally:
        for setup in setups:
            scan_logs(setup)
    return results


# --- report ----------------------------------------------------------------------------


def fmt(value: float, digits: int = 0) -> str:
    return "-" if value != value else f"{value:,.{digits}f}"


def median(values: list[float]) -> float:
    return percentile(values, 50)


def report(args, results: list[dict]) -> int:
    print()
    print(f"Chat fan-out: {args.clients} clients in one booth lobby, {args.seconds:g} s per run, "
          f"{args.procs} load-generator process(es), gunicorn -k gthread --threads "
          f"{args.threads} -w 1 per server process"
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
            f"{r['load']:.1f}"])
    print(table(["setup", "clients", "msg/s", "sent", "expected", "received", "recv/exp",
                 "delivered/s", "p50 ms", "p99 ms", "max ms", "server CPU", "CPU ms/msg",
                 "sys", "gen CPU", "lag p99", "problems", "load"], rows, left=(0,)))
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
                                 ("2 procs", "1 proc", "2 procs ≥ 0.7× 1 proc, delivered/s")):
            if (slow, rate) in runs and (fast, rate) in runs:
                pairs = list(zip(runs[slow, rate], runs[fast, rate], strict=True))
                ratio = median([a["delivered_per_s"] / max(b["delivered_per_s"], 1e-9)
                                for a, b in pairs])
                a = median([a["delivered_per_s"] for a, _ in pairs])
                b = median([b["delivered_per_s"] for _, b in pairs])
                checks.append((rate, what, f"{ratio:.2f}× ({a:,.0f} vs {b:,.0f}){reps}",
                               ratio >= RATIO_TARGET))
    print(table(["msg/s", "target (issue 3)", "measured", "verdict"],
                [[f"{rate:g}", what, measured, "PASS" if ok else "FAIL"]
                 for rate, what, measured, ok in checks], left=(1, 2, 3)))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n{platform.python_implementation()} {platform.python_version()}, "
          f"python-socketio {version('python-socketio')}, python-engineio "
          f"{version('python-engineio')}, Flask-SocketIO {version('Flask-SocketIO')}, "
          f"simple-websocket {version('simple-websocket')}, gunicorn {version('gunicorn')}, "
          f"aiohttp {version('aiohttp')}; {os.cpu_count()} CPUs; load average {load}")
    return 0 if all(ok for *_, ok in checks) else 1


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", default="20,40",
                        help="messages per second in total; a comma-separated list sweeps "
                             "(default 20,40)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per run (default 20)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per setup and rate; the verdicts take the median")
    parser.add_argument("--procs", type=int, default=2,
                        help="load-generator processes (default 2: one falls behind at "
                             "8,000 deliveries/s on 2 cores)")
    parser.add_argument("--threads", type=int, default=300, help="gunicorn --threads")
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
    if args.threads < args.clients + 20:
        parser.error("--threads must exceed --clients by 20: each WebSocket holds a thread")
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
    try:
        results = bench(args, tmp)
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
    return report(args, results)


if __name__ == "__main__":
    sys.exit(main())
