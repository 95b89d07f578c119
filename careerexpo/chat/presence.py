"""Who is connected, and in which rooms: visitors and staff per room, sockets per sign-in.

One process keeps this in memory; several processes share it in Redis (when
``REDIS_URL`` is set), so every process counts the same people. A person with
two tabs open counts once.

Redis is an aid, never a dependency: while it cannot be reached, each process
answers from its own sockets (counts of the people connected to it), remembers
what it could not write, and writes it once Redis answers again.
"""

import json
import logging
import threading
from collections import defaultdict

from flask import Flask, current_app
from redis.exceptions import RedisError

from careerexpo.core import redis_pool

log = logging.getLogger(__name__)
# Writes kept for Redis while it is away; past this many, the oldest are dropped.
MAX_MISSED_WRITES = 10_000


class MemoryPresence:
    def __init__(self):
        self._lock = threading.Lock()
        self._sockets: dict[str, dict] = {}
        self._rooms: dict[str, dict[str, tuple[int, bool]]] = defaultdict(dict)

    def connect(self, sid: str, user_id: int, login: str | None) -> None:
        with self._lock:
            self._sockets[sid] = {"user": user_id, "login": login, "rooms": set()}

    def join(self, sid: str, room: str, user_id: int, is_staff: bool) -> None:
        with self._lock:
            self._rooms[room][sid] = (user_id, is_staff)
            if sid in self._sockets:
                self._sockets[sid]["rooms"].add(room)

    def leave(self, sid: str, room: str) -> None:
        with self._lock:
            self._rooms[room].pop(sid, None)
            if sid in self._sockets:
                self._sockets[sid]["rooms"].discard(room)

    def login_of(self, sid: str) -> str | None:
        with self._lock:
            info = self._sockets.get(sid)
            return info["login"] if info else None

    def disconnect(self, sid: str) -> list[str]:
        """Forgets the socket; returns the rooms it was in."""
        with self._lock:
            info = self._sockets.pop(sid, None)
            rooms = sorted(info["rooms"]) if info else []
            for room in rooms:
                self._rooms[room].pop(sid, None)
            return rooms

    def counts(self, room: str) -> tuple[int, int]:
        """(visitors, staff) in a room, each person counted once."""
        with self._lock:
            members = list(self._rooms.get(room, {}).values())
        return (len({u for u, staff in members if not staff}),
                len({u for u, staff in members if staff}))

    def online_users(self) -> int:
        with self._lock:
            return len({info["user"] for info in self._sockets.values()})

    def staffed_rooms(self) -> set[str]:
        """The rooms with at least one staff member in them."""
        with self._lock:
            return {room for room, members in self._rooms.items()
                    if any(staff for _user, staff in members.values())}

    def sids_of_login(self, login: str) -> list[str]:
        with self._lock:
            return [sid for sid, info in self._sockets.items() if info["login"] == login]


class RedisPresence:
    def __init__(self, url: str, prefix: str = "careerexpo:presence:"):
        self._redis = redis_pool.client(url)
        self._p = prefix

    def connect(self, sid: str, user_id: int, login: str | None) -> None:
        pipe = self._redis.pipeline()
        pipe.hset(self._p + "sockets", sid, json.dumps({"user": user_id, "login": login}))
        if login:
            pipe.sadd(self._p + "login:" + login, sid)
        pipe.execute()

    def join(self, sid: str, room: str, user_id: int, is_staff: bool) -> None:
        pipe = self._redis.pipeline()
        pipe.hset(self._p + "room:" + room, sid, json.dumps([user_id, is_staff]))
        pipe.sadd(self._p + "rooms-of:" + sid, room)
        pipe.execute()

    def leave(self, sid: str, room: str) -> None:
        pipe = self._redis.pipeline()
        pipe.hdel(self._p + "room:" + room, sid)
        pipe.srem(self._p + "rooms-of:" + sid, room)
        pipe.execute()

    def disconnect(self, sid: str, rooms: list[str], login: str | None) -> None:
        """Forgets a socket of this process, whose rooms and sign-in the process knows: one
        round trip, as thousands of sockets may go at once."""
        pipe = self._redis.pipeline()
        for room in rooms:
            pipe.hdel(self._p + "room:" + room, sid)
        pipe.delete(self._p + "rooms-of:" + sid)
        pipe.hdel(self._p + "sockets", sid)
        if login:
            pipe.srem(self._p + "login:" + login, sid)
        pipe.execute()

    def counts(self, room: str) -> tuple[int, int]:
        members = [json.loads(v) for v in self._redis.hvals(self._p + "room:" + room)]
        return (len({u for u, staff in members if not staff}),
                len({u for u, staff in members if staff}))

    def online_users(self) -> int:
        return len({json.loads(v)["user"] for v in self._redis.hvals(self._p + "sockets")})

    def staffed_rooms(self) -> set[str]:
        prefix = self._p + "room:"
        rooms = [key.decode() for key in self._redis.scan_iter(match=prefix + "*", count=500)]
        pipe = self._redis.pipeline()
        for room in rooms:
            pipe.hvals(room)
        return {room[len(prefix):] for room, members in zip(rooms, pipe.execute(), strict=True)
                if any(json.loads(m)[1] for m in members)}

    def sids_of_login(self, login: str) -> list[str]:
        return [s.decode() for s in self._redis.smembers(self._p + "login:" + login)]


class SharedPresence:
    """Presence in Redis, with this process's own sockets kept in memory beside it."""

    def __init__(self, shared: RedisPresence):
        self._shared = shared
        self._local = MemoryPresence()
        self._lock = threading.Lock()
        self._missed: list[tuple[str, tuple]] = []

    def _replay_missed(self) -> None:
        with self._lock:
            missed, self._missed = self._missed, []
        for done, (method, args) in enumerate(missed):
            try:
                getattr(self._shared, method)(*args)
            except RedisError:
                with self._lock:
                    self._missed[:0] = missed[done:]
                raise

    def _write(self, method: str, *args) -> None:
        try:
            self._replay_missed()
            getattr(self._shared, method)(*args)
        except RedisError:
            log.warning("presence store unreachable; %s kept for later", method, exc_info=True)
            with self._lock:
                self._missed.append((method, args))
                del self._missed[:-MAX_MISSED_WRITES]

    def _read(self, method: str, *args):
        try:
            self._replay_missed()
            return getattr(self._shared, method)(*args)
        except RedisError:
            log.warning("presence store unreachable; answering from this process",
                        exc_info=True)
            return getattr(self._local, method)(*args)

    def connect(self, sid: str, user_id: int, login: str | None) -> None:
        self._local.connect(sid, user_id, login)
        self._write("connect", sid, user_id, login)

    def join(self, sid: str, room: str, user_id: int, is_staff: bool) -> None:
        self._local.join(sid, room, user_id, is_staff)
        self._write("join", sid, room, user_id, is_staff)

    def leave(self, sid: str, room: str) -> None:
        self._local.leave(sid, room)
        self._write("leave", sid, room)

    def disconnect(self, sid: str) -> list[str]:
        """Forgets the socket; returns the rooms it was in (this process holds it, so its
        own memory knows them)."""
        login = self._local.login_of(sid)
        rooms = self._local.disconnect(sid)
        self._write("disconnect", sid, rooms, login)
        return rooms

    def counts(self, room: str) -> tuple[int, int]:
        return self._read("counts", room)

    def online_users(self) -> int:
        return self._read("online_users")

    def sids_of_login(self, login: str) -> list[str]:
        return self._read("sids_of_login", login)

    def staffed_rooms(self) -> set[str]:
        return self._read("staffed_rooms")


def presence():
    return current_app.extensions["careerexpo_presence"]


def init_app(app: Flask) -> None:
    url = app.config.get("REDIS_URL")
    app.extensions["careerexpo_presence"] = (
        SharedPresence(RedisPresence(url, app.config["CACHE_KEY_PREFIX"] + "presence:")) if url
        else MemoryPresence())
