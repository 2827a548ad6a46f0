"""Requests per second from gunicorn on loopback, with a bounded threaded client.

Every request goes to 127.0.0.1 only; each run stops after a fixed number of requests
or seconds, whichever comes first."""

import contextlib
import http.client
import os
import statistics
import threading
import time

from bench import server

PORT = 0  # chosen free at each start: another engineer's server may hold any fixed port
THREADS = 8


def _get(connection, path):
    connection.request("GET", path, headers={"Host": "localhost", "Accept-Encoding": "gzip"})
    response = connection.getresponse()
    response.read()
    return response.status


def hammer(path, total=2000, seconds=15.0):
    """`total` GET requests from THREADS keep-alive clients, stopping after `seconds`."""
    lock = threading.Lock()
    state = {"sent": 0, "errors": 0, "timings": []}
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                if state["sent"] >= total:
                    return
                state["sent"] += 1
            started = time.perf_counter()
            try:
                status = _get(connection, path)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                state["timings"].append(elapsed)
                if status != 200:
                    state["errors"] += 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - began
    timings = sorted(state["timings"]) or [0]
    return {
        "requests": len(state["timings"]),
        "errors": state["errors"],
        "rps": round(len(state["timings"]) / duration, 1),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
    }


@contextlib.contextmanager
def serving(database_url, redis_url=None, workers=3, settings="bench.settings", extra_env=None):
    """gunicorn with `workers` workers on 127.0.0.1:PORT while the block runs."""
    global PORT  # noqa: PLW0603 - the clients read the port of the running server
    env = dict(
        os.environ, DJANGO_SETTINGS_MODULE=settings, DATABASE_URL=database_url, **(extra_env or {})
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    with server.gunicorn(workers, env, ready_path="/robots.txt") as (process, PORT):
        yield process


def run(database_url, paths, redis_url=None, workers=3):
    """Serve with gunicorn, measure each path, stop gunicorn; returns path -> result."""
    with serving(database_url, redis_url, workers):
        results = {}
        for name, path in paths.items():
            hammer(path, total=100, seconds=5)  # warm every worker and the cache
            results[name] = hammer(path)
        return results


def redis_answers(url) -> bool:
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
        client.flushdb()
        return True
    except Exception:  # noqa: BLE001 - any failure means "no Redis here"
        return False
