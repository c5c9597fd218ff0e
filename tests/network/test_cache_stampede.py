"""The computed figures' cache: when a key is missing, one process computes it and the others
wait for its result (cache.py `computed_once`). Threads stand in for workers, sharing one
in-memory cache."""

import threading

import pytest
from django.core.cache import cache
from django.test import override_settings

from directory.network.cache import computed_once

MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def memory_cache():
    with override_settings(CACHES=MEMORY):
        cache.clear()
        yield cache
        cache.clear()


def test_workers_missing_one_key_at_once_compute_it_once(memory_cache):
    calls = []
    started = threading.Event()
    release = threading.Event()

    def compute():
        calls.append(1)
        started.set()
        release.wait(5)
        return "figures"

    results = []

    def worker():
        results.append(computed_once("network:test", compute))

    first = threading.Thread(target=worker)
    first.start()
    assert started.wait(5)  # the first worker computes (and holds the lock)
    others = [threading.Thread(target=worker) for _ in range(3)]
    for thread in others:
        thread.start()
    release.set()
    for thread in [first, *others]:
        thread.join(10)
    assert results == ["figures"] * 4
    assert len(calls) == 1
    assert memory_cache.get("network:test") == "figures"
    assert memory_cache.get("network:test:computing") is None


def test_a_stored_value_is_returned_without_computing(memory_cache):
    memory_cache.set("network:test", "stored")
    assert computed_once("network:test", lambda: pytest.fail("computed")) == "stored"


def test_a_worker_computes_itself_when_the_lock_holder_never_delivers(memory_cache):
    # Another worker holds the lock but stores nothing within the wait.
    memory_cache.add("network:test:computing", 1, 60)
    assert computed_once("network:test", lambda: "mine", wait=0.2) == "mine"
    assert memory_cache.get("network:test") == "mine"


def test_a_failed_computation_releases_the_lock(memory_cache):
    def broken():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        computed_once("network:test", broken)
    assert memory_cache.get("network:test:computing") is None
    assert computed_once("network:test", lambda: "again") == "again"
