"""The in-process cache used without Redis: bounded, timed per entry, counters that last."""

from careerexpo.core.memory_cache import ENTRY_OVERHEAD, MemoryCache


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_each_entry_expires_after_its_own_timeout():
    clock = Clock()
    cache = MemoryCache(default_timeout=60, timer=clock)
    cache.set("short", "a", timeout=5)
    cache.set("default", "b")
    cache.set("forever", "c", timeout=0)
    clock.now += 6
    assert (cache.get("short"), cache.get("default"), cache.get("forever")) == (None, "b", "c")
    clock.now += 60
    assert (cache.get("default"), cache.get("forever")) == (None, "c")
    assert not cache.has("default") and cache.has("forever")


def test_when_full_the_least_recently_used_entries_go_first():
    page = b"x" * 1000
    cache = MemoryCache(max_bytes=3 * (1000 + 100 + ENTRY_OVERHEAD))  # room for three pages
    for key in "abc":
        cache.set(key, page)
    assert cache.get("a") == page  # "b" is now the one least recently used
    cache.set("d", page)
    assert [cache.get(key) is not None for key in "abcd"] == [True, False, True, True]
    cache.set("e", b"y" * 2000)  # as big as two pages: two go
    assert [cache.get(key) is not None for key in "acde"] == [False, False, True, True]


def test_a_value_bigger_than_the_whole_cache_is_not_kept():
    cache = MemoryCache(max_bytes=10_000)
    cache.set("page", "small")
    assert not cache.set("page", "x" * 20_000)
    assert cache.get("page") is None  # nor the value it would have replaced
    assert not cache.add("other", "x" * 20_000) and not cache.has("other")


def test_a_counter_keeps_counting_past_the_default_timeout():
    # The jobs generation: if it fell back to an earlier number, pages cached under that
    # number would be served again although the jobs have changed since.
    clock = Clock()
    cache = MemoryCache(default_timeout=60, timer=clock)
    assert cache.inc("jobs-generation") == 1
    clock.now += 3600
    assert cache.inc("jobs-generation") == 2
    assert cache.get("jobs-generation") == 2


def test_a_counter_with_a_timeout_keeps_it_like_redis_incr():
    clock = Clock()
    cache = MemoryCache(timer=clock)
    cache.set("hits", 5, timeout=10)
    clock.now += 5
    assert cache.inc("hits", 2) == 7 and cache.dec("hits") == 6
    clock.now += 6
    assert cache.get("hits") is None


def test_values_come_back_as_copies():
    cache = MemoryCache()
    counts = {"level": {"entry": 3}}
    cache.set("counts", counts)
    counts["level"]["entry"] = 99
    cache.get("counts")["level"]["entry"] = 42
    assert cache.get("counts") == {"level": {"entry": 3}}


def test_add_delete_and_clear():
    cache = MemoryCache()
    assert cache.add("k", 1) and not cache.add("k", 2)
    assert cache.get("k") == 1
    assert cache.delete("k") and not cache.delete("k")
    cache.set_many({"x": 1, "y": 2})
    assert cache.get_many("x", "y") == [1, 2]
    cache.clear()
    assert cache.get_many("x", "y") == [None, None]


def test_the_app_uses_it_when_no_redis_is_set(app):
    from careerexpo.extensions import cache

    if app.config["REDIS_URL"]:
        assert app.config["CACHE_TYPE"] == "RedisCache"
    else:
        assert isinstance(cache.cache, MemoryCache)
        assert cache.cache._entries.maxsize == app.config["CACHE_MEMORY_BYTES"]
