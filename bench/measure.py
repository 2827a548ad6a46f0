"""One benchmark part: in a fresh database, build a dataset and measure every URL.

Run by `python -m bench` in a subprocess per database and size:
    python -m bench.measure <size> <requests> <out.json> <built.json>
with DATABASE_URL naming the database. When <built.json> exists the dataset in that
database was built by an earlier run (of the same bench/data.py) and is reused: only new
migrations are applied. Otherwise the database is empty and the dataset is built.
"""

import json
import os
import statistics
import sys
import time


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def urls(built):
    return {
        "home": ("/en/", "public"),
        "programme index": ("/en/programmes/", "public"),
        "programme": (built["programme"], "public"),
        "story index": ("/en/stories/", "public"),
        "story": (built["story"], "public"),
        "events with filters": ("/en/events/?area=london-hackney&format=in-person", "public"),
        "month calendar": (f"/en/events/calendar/?month={built['month']}", "public"),
        "directory skill+area": (
            f"/members/?skill={built['skill']}&area=london-hackney",
            "members",
        ),
        "profile": (built["profile"], "members"),
        "search": ("/en/search/?q=community", "public"),
        "ics feed": ("/en/events/feed.ics", "public"),
    }


def measure_url(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    client.get(url)
    with override_settings(PAGE_CACHE_ENABLED=False), CaptureQueriesContext(connection) as q:
        response = client.get(url)
    status, queries = response.status_code, len(q)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "status": status,
        "queries": queries,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "requests": requests,
    }


def main(size, requests, out, built_path):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench import fingerprint
    from bench.data import build

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)  # new migrations only
    migrated = time.perf_counter()
    reused = os.path.exists(built_path)
    if reused:
        with open(built_path) as handle:
            built = json.load(handle)["urls"]
        print(f"  reusing the {size} dataset built earlier", flush=True)
    else:
        built = build(size)
        with connection.cursor() as cursor:
            # Planner statistics, as autovacuum (PostgreSQL) or a deployment's
            # `ANALYZE` would have gathered them for data loaded over years.
            cursor.execute("ANALYZE")
        with open(built_path, "w") as handle:
            json.dump({"fingerprint": fingerprint(), "urls": built}, handle)
    with open(os.path.join(os.path.dirname(out), "urls.json"), "w") as handle:
        json.dump(built, handle)
    cache.clear()
    built_at = time.perf_counter()
    results = {"anonymous": {}, "member": {}}
    anonymous = Client(HTTP_HOST="localhost")
    member = Client(HTTP_HOST="localhost")
    member.force_login(get_user_model().objects.get(email=built["bench_member"]))
    for name, (url, audience) in urls(built).items():
        if audience == "public":
            results["anonymous"][name] = {"url": url, **measure_url(anonymous, url, requests)}
        results["member"][name] = {"url": url, **measure_url(member, url, requests)}
        print(
            f"  {size:5} {name:22} {results['member'][name]['queries']:3} queries (member)",
            flush=True,
        )
    finished = time.perf_counter()
    report = {
        "size": size,
        "vendor": connection.vendor,
        "seconds": {
            "migrate": round(migrated - started, 1),
            "build": round(built_at - migrated, 1),
            "reused": reused,
            "measure": round(finished - built_at, 1),
        },
        "results": results,
    }
    with open(out, "w") as handle:
        json.dump(report, handle, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
