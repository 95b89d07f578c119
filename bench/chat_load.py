"""The load generator of bench/chat.py: one process, one asyncio loop, many Socket.IO clients.

``bench/chat.py`` starts one or more of these (``multiprocessing``, spawn) and talks to
each over a pipe, one command at a time:

  ("setup", {...})  sign every client in over HTTP (aiohttp), open its socket
                    (python-socketio ``AsyncClient``, WebSocket only) with the session
                    cookie and the same User-Agent, ``join`` the lobby  -> ("ready", {...})
  ("idle", {...})   the same for more clients that only stay connected (signed in,
                    joining no room), as most visitors of a hall do  -> ("ready", {...})
  ("status", None)  how many clients of each kind are still connected -> ("status", {...})
  ("run", {...})    send this process's share of ``rate × seconds`` messages on a fixed
                    schedule shared by every process, record every ``message`` event
                    until all expected deliveries arrived or the drain time is over
                                                                      -> ("result", {...})
  ("close", None)   disconnect every client, then exit                -> ("closed", {...})

Every wait is bounded. Times are ``time.monotonic()`` (CLOCK_MONOTONIC, the same
clock in every process of the machine), so a message sent by one process and
received by another still has a meaningful latency.
"""

import asyncio
import contextlib
import functools
import time
import traceback
from collections import Counter

NAMESPACE = "/chat"
USER_AGENT = "careerexpo-chat-bench/1"
CALL_TIMEOUT = 30.0
SETUP_TIMEOUT = 240.0
CLOSE_TIMEOUT = 60.0
IDLE_SECONDS = 5.0


class BenchClient:
    """One signed-in visitor with its socket; counts the bench messages it receives."""

    def __init__(self, index: int, email: str, url: str, deflate: bool = True):
        import socketio

        self.index = index
        self.email = email
        self.url = url
        # aiohttp offers permessage-deflate as browsers do; compress=0 offers nothing.
        self.sio = socketio.AsyncClient(
            reconnection=False, logger=False, engineio_logger=False,
            websocket_extra_options={} if deflate else {"compress": 0})
        self.sio.on("message", self._on_message, namespace=NAMESPACE)
        self.sio.on("disconnect", self._on_disconnect, namespace=NAMESPACE)
        self.run = None  # the Run this client is counting for, if any
        self.disconnected_during_run = False

    def _on_message(self, message):
        now = time.monotonic()
        run = self.run
        if run is not None:
            run.record(self, message, now)

    def _on_disconnect(self, *_reason):
        if self.run is not None:
            self.disconnected_during_run = True


class Run:
    """Receipts of one timed run in this process."""

    def __init__(self, token: str, clients: list[BenchClient]):
        self.token = token
        self.prefix = token + "-"
        self.seen: dict[int, set[int]] = {c.index: set() for c in clients}
        self.latencies: list[float] = []
        self.received = 0
        self.duplicates = 0
        self.foreign = 0
        self.malformed = 0
        self.last_receive = 0.0
        self.done = asyncio.Event()
        self.expected = None

    def record(self, client: BenchClient, message, now: float) -> None:
        client_id = message.get("client_id") if isinstance(message, dict) else None
        if not isinstance(client_id, str) or not client_id.startswith(self.prefix):
            self.foreign += 1  # another run's message, or someone else's
            return
        try:
            seq = int(client_id[len(self.prefix):])
            sent_at = float(message["body"].rsplit(" ", 1)[1])
        except (KeyError, ValueError, IndexError, AttributeError):
            self.malformed += 1
            return
        seen = self.seen[client.index]
        if seq in seen:
            self.duplicates += 1
            return
        seen.add(seq)
        self.received += 1
        self.latencies.append((now - sent_at) * 1000.0)
        self.last_receive = now
        if self.expected is not None and self.received >= self.expected:
            self.done.set()


async def _sign_in(http, base_url: str, email: str, password: str) -> str:
    """Signs in over HTTP; returns the Cookie header the socket must carry."""
    async with http.post(f"{base_url}/auth/login",
                         data={"email": email, "password": password},
                         headers={"User-Agent": USER_AGENT},
                         allow_redirects=False) as response:
        await response.read()
        if response.status != 302 or "session" not in response.cookies:
            raise RuntimeError(f"sign-in of {email} at {base_url} answered {response.status}")
        return "; ".join(f"{k}={m.value}" for k, m in response.cookies.items())


async def _open(client: BenchClient, http, password: str, room: str | None,
                wait: float) -> None:
    cookie = await _sign_in(http, client.url, client.email, password)
    await client.sio.connect(client.url, namespaces=[NAMESPACE], transports=["websocket"],
                             headers={"Cookie": cookie, "User-Agent": USER_AGENT},
                             wait_timeout=wait)
    if room is None:
        return
    answer = await client.sio.call("join", {"room": room}, namespace=NAMESPACE,
                                   timeout=CALL_TIMEOUT)
    if not (isinstance(answer, dict) and answer.get("ok")):
        raise RuntimeError(f"join of {client.email} refused: {answer!r}")


class Worker:
    def __init__(self):
        self.clients: list[BenchClient] = []
        self.idle: list[BenchClient] = []
        self.http = None

    async def setup(self, spec: dict, room_key: str = "room") -> dict:
        import aiohttp

        started = time.monotonic()
        if self.http is None:
            # No cookie jar: each client's cookie is read from its own sign-in answer. No
            # cap on connections: thousands of sign-ins share the session.
            # A connection per sign-in: a kept-alive one may be closed by the server just
            # as it is reused.
            self.http = aiohttp.ClientSession(
                cookie_jar=aiohttp.DummyCookieJar(),
                connector=aiohttp.TCPConnector(limit=0, force_close=True),
                timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT))
        clients = [BenchClient(index, email, url, spec["deflate"])
                   for index, email, url in spec["clients"]]
        if room_key == "room":
            self.clients = clients
        else:
            self.idle = clients
        room = spec.get(room_key)
        gate = asyncio.Semaphore(spec["concurrency"])
        errors: list[str] = []

        async def one(client):
            async with gate:
                for attempt in range(3):
                    try:
                        await _open(client, self.http, spec["password"], room, spec["wait"])
                        return
                    except Exception as exc:  # tried again, then reported to the parent
                        if client.sio.connected:
                            with contextlib.suppress(Exception):
                                await client.sio.disconnect()
                        if attempt == 2:
                            errors.append(f"{client.email}: {type(exc).__name__}: {exc}")
                        else:
                            await asyncio.sleep(0.5 + attempt)

        await asyncio.wait_for(asyncio.gather(*(one(c) for c in clients)),
                               spec.get("timeout", SETUP_TIMEOUT))
        connected = sum(1 for c in clients if c.sio.connected)
        return {"connected": connected, "errors": errors[:5], "error_count": len(errors),
                "seconds": time.monotonic() - started}

    def status(self) -> dict:
        return {"chatting": sum(1 for c in self.clients if c.sio.connected),
                "idle": sum(1 for c in self.idle if c.sio.connected)}

    async def run(self, spec: dict) -> dict:
        token, rate, total = spec["token"], spec["rate"], spec["total"]
        nprocs, me, start_at = spec["nprocs"], spec["proc_index"], spec["start_at"]
        clients = self.clients
        run = Run(token, clients)
        # Every process's clients receive every message of the run.
        run.expected = total * len(clients)
        for client in clients:
            client.run = run
            client.disconnected_during_run = False
        acks: Counter = Counter()
        ack_latencies: list[float] = []
        lags: list[float] = []
        send_lateness: list[float] = []
        sent = 0
        first_send = last_send = 0.0

        def on_ack(t0, answer=None):
            ack_latencies.append((time.monotonic() - t0) * 1000.0)
            if isinstance(answer, dict) and answer.get("ok"):
                acks["ok"] += 1
            else:
                error = answer.get("error") if isinstance(answer, dict) else repr(answer)
                acks[str(error)[:80]] += 1

        async def monitor():
            """How late the loop wakes from a 20 ms sleep: its lag behind the schedule."""
            while True:
                t0 = time.monotonic()
                await asyncio.sleep(0.02)
                lags.append((time.monotonic() - t0 - 0.02) * 1000.0)

        watcher = asyncio.create_task(monitor())
        cpu0 = time.process_time()
        wall0 = time.monotonic()
        try:
            mine = range(me, total, nprocs)
            for k, seq in enumerate(mine):
                target = start_at + seq / rate
                delay = target - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                client = clients[k % len(clients)]
                if not client.sio.connected:
                    acks["not connected"] += 1
                    continue
                t0 = time.monotonic()
                send_lateness.append(max(0.0, (t0 - target) * 1000.0))
                await client.sio.emit(
                    "send", {"room": spec["room"], "client_id": f"{token}-{seq}",
                             "body": f"bench {token} {seq} {t0:.6f}"},
                    namespace=NAMESPACE, callback=functools.partial(on_ack, t0))
                sent += 1
                if first_send == 0.0:
                    first_send = t0
                last_send = t0
            # Drain: until every expected delivery arrived, or none arrived for
            # IDLE_SECONDS (what is missing then is lost, not late), or the hard limit.
            deadline = start_at + total / rate + spec["drain"]
            while not run.done.is_set():
                now = time.monotonic()
                last = max(run.last_receive, last_send)
                if now > deadline or now - last > IDLE_SECONDS:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(run.done.wait(), 0.2)
            # Late acks: give them the same bounded time.
            ack_deadline = time.monotonic() + 5.0
            while sum(acks.values()) < sent and time.monotonic() < ack_deadline:
                await asyncio.sleep(0.05)
        finally:
            watcher.cancel()
            for client in clients:
                client.run = None
        wall = time.monotonic() - wall0
        return {
            "sent": sent, "acks": dict(acks), "received": run.received,
            "expected_if_all_sent": run.expected, "duplicates": run.duplicates,
            "foreign": run.foreign, "malformed": run.malformed,
            "latencies": run.latencies, "ack_latencies": ack_latencies,
            "first_send": first_send, "last_send": last_send, "last_receive": run.last_receive,
            "cpu_seconds": time.process_time() - cpu0, "wall_seconds": wall,
            "loop_lag_ms": lags, "send_lateness_ms": send_lateness,
            "min_per_client": min((len(s) for s in run.seen.values()), default=0),
            "disconnected": sum(1 for c in clients if c.disconnected_during_run
                                or not c.sio.connected),
        }

    async def close(self) -> dict:
        async def one(client):
            try:
                if client.sio.connected:
                    await client.sio.disconnect()
            except Exception:  # closing anyway
                pass

        try:
            await asyncio.wait_for(asyncio.gather(*(one(c) for c in self.clients + self.idle)),
                                   CLOSE_TIMEOUT)
        except TimeoutError:
            pass
        if self.http is not None:
            await self.http.close()
            self.http = None
        return {"still_connected": sum(1 for c in self.clients + self.idle
                                       if c.sio.connected)}


async def _serve(conn) -> None:
    worker = Worker()
    loop = asyncio.get_running_loop()
    try:
        while True:
            # The pipe is read in a thread so the clients keep receiving meanwhile.
            command, spec = await loop.run_in_executor(None, conn.recv)
            try:
                if command == "setup":
                    conn.send(("ready", await worker.setup(spec)))
                elif command == "idle":
                    conn.send(("ready", await worker.setup(spec, room_key="idle_room")))
                elif command == "status":
                    conn.send(("status", worker.status()))
                elif command == "run":
                    conn.send(("result", await worker.run(spec)))
                elif command == "close":
                    conn.send(("closed", await worker.close()))
                    return
                else:
                    conn.send(("error", f"unknown command {command!r}"))
            except Exception:
                conn.send(("error", traceback.format_exc()))
    finally:
        await worker.close()


def main(conn) -> None:
    """Entry point of a load-generator process (``multiprocessing`` target)."""
    try:
        asyncio.run(_serve(conn))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        conn.close()
