"""Serving models for thousands of mostly idle sockets: what each candidate holds, what a
held socket costs, and whether pages still answer meanwhile.

Each candidate serves CareerExpo (bench/chat_app.py, on an empty migrated SQLite file)
under gunicorn with one worker on 127.0.0.1:

  gthread-200   ``-k gthread --threads 200``: what the README used to prescribe
  gthread-N     ``-k gthread --threads N+50``: a thread for every socket, and some for pages
  gevent        ``-c deploy/gunicorn.conf.py``: one gevent worker, what ``make serve`` runs

Then ``--sockets`` WebSocket transports are opened by hand (an Engine.IO handshake each,
nothing read afterwards; ``CHAT_SIGN_IN_SECONDS`` raised so that the server keeps them, as
it keeps signed-in sockets) while ``/healthz`` is requested ten times a second. Printed
per candidate: transports opened (answered 101 within 2 s; after 10 unanswered in a row
it stops trying), the worker's resident memory
and threads before and with them held, memory per held socket, and ``/healthz``
p50/p95 and failures (no answer within 5 s) while they are held.

Run:  flock /tmp/bench.lock .venv/bin/python bench/chat_serving.py [--sockets 1000]
          [--hold 10]
"""

import argparse
import base64
import contextlib
import os
import resource
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import chat
from _report import percentile, table

HANDSHAKE_SECONDS = 2.0
GIVE_UP_AFTER = 10


def threads_of(pid: int) -> int:
    total = 0
    family = [pid]
    with contextlib.suppress(OSError):
        family += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in family:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("Threads:"):
                    total += int(line.split()[1])
    return total


def probe(url: str, stop: threading.Event, samples: list) -> None:
    while not stop.is_set():
        started = time.monotonic()
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:
                answer.read()
                ok = answer.status == 200
        except OSError:
            ok = False
        samples.append(((time.monotonic() - started) * 1000, ok))
        stop.wait(0.1)


def open_transport(port: int) -> socket.socket | None:
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=HANDSHAKE_SECONDS)
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        if sock.recv(4096).startswith(b"HTTP/1.1 101"):
            return sock
        sock.close()
    except OSError:
        pass
    return None


def measure(label: str, command: list[str], env: dict, sockets: int, hold: float,
            log: Path) -> list[str]:
    import subprocess

    port = chat.free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "ab") as out:
        proc = subprocess.Popen(command + ["-b", f"127.0.0.1:{port}"], cwd=chat.ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    held: list[socket.socket] = []
    try:
        chat.wait_healthy(proc, url, log)
        time.sleep(1.0)
        rss0, threads0 = chat.rss_bytes([proc.pid]), threads_of(proc.pid)
        stop = threading.Event()
        samples: list = []
        prober = threading.Thread(target=probe, args=(url, stop, samples), daemon=True)
        prober.start()
        started = time.monotonic()
        unanswered = 0
        for _ in range(sockets):
            sock = open_transport(port)
            if sock is not None:
                held.append(sock)
                unanswered = 0
            else:
                # A server that has stopped answering handshakes: more would only wait.
                unanswered += 1
                if unanswered >= GIVE_UP_AFTER:
                    break
        opened_in = time.monotonic() - started
        time.sleep(hold)
        rss1, threads1 = chat.rss_bytes([proc.pid]), threads_of(proc.pid)
        stop.set()
        prober.join(timeout=10)
        times = [ms for ms, ok in samples if ok]
        failures = sum(1 for _, ok in samples if not ok)
        per_socket = (rss1 - rss0) / len(held) / 1024 if held else float("nan")
        row = [label, f"{len(held):,} of {sockets:,}", f"{opened_in:.1f}",
               f"{rss0 / 2**20:,.0f} -> {rss1 / 2**20:,.0f}", f"{per_socket:,.1f}",
               f"{threads0} -> {threads1}", f"{percentile(times, 50):,.0f}",
               f"{percentile(times, 95):,.0f}", f"{failures} of {len(samples)}"]
        chat.say(f"{label}: {' | '.join(row[1:])}")
        return row
    finally:
        for sock in held:
            sock.close()
        chat.stop_process(proc, label)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sockets", type=int, default=1000)
    parser.add_argument("--hold", type=float, default=10.0,
                        help="seconds the sockets are held, pages probed, after opening")
    args = parser.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    tmp = Path(tempfile.mkdtemp(prefix="careerexpo-serving-"))
    database = f"sqlite:///{tmp / 'serving.sqlite3'}"
    chat.migrate(tmp, database)
    env = chat.server_env(tmp, database, None)
    env["CHAT_SIGN_IN_SECONDS"] = "600"
    spec = ["--pythonpath", str(chat.ROOT / "bench"), "--log-level", "warning",
            "--graceful-timeout", "2", "chat_app:create_app()"]
    gunicorn = [sys.executable, "-m", "gunicorn"]
    candidates = [
        ("gthread-200", gunicorn + ["-k", "gthread", "-w", "1", "--threads", "200"] + spec),
        (f"gthread-{args.sockets + 50}",
         gunicorn + ["-k", "gthread", "-w", "1", "--threads", str(args.sockets + 50)] + spec),
        ("gevent", gunicorn + ["-c", str(chat.ROOT / "deploy" / "gunicorn.conf.py")] + spec),
    ]
    rows = [measure(label, command, env, args.sockets, args.hold, tmp / f"{label}.log")
            for label, command in candidates]
    print()
    print(f"{args.sockets:,} WebSocket transports held {args.hold:g} s on one worker "
          "(CareerExpo, SQLite), /healthz probed ten times a second meanwhile")
    print(table(["candidate", "opened", "open s", "worker MiB", "KiB/socket", "threads",
                 "/healthz p50 ms", "p95 ms", "failed"], rows, left=(0,)))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs; load average {load}")
    return 0


if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parent), str(chat.ROOT)]
    sys.exit(main())
