"""`make bench`: measure the site at a small and a large size, on SQLite and on
PostgreSQL when one answers; then requests per second under gunicorn with and without
Redis; then Lighthouse when Chromium and npx are present. Writes var/bench/report.json
and var/bench/report.md and prints PASS/FAIL per target.

    python -m bench [--requests 200] [--sizes small,large] [--vendors sqlite,postgresql]
                    [--no-postgres] [--no-load] [--no-lighthouse] [--rebuild] [--report-only]

Datasets are built once and reused by later runs (var/bench/built-*.json) until
bench/data.py changes or --rebuild is given; new migrations are applied to them.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import fingerprint, lighthouse, load

OUT = Path("var/bench")
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DB = "wt_perf_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
ANONYMOUS_MAX, MEMBER_MAX = 12, 20
CACHED_P95_MS, SEARCH_P95_MS = 50, 150
LIGHTHOUSE_PERFORMANCE = 0.95


def postgres_answers() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "no PostgreSQL here"
        return False


def _django_env(database_url):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", DATABASE_URL=database_url)
    env.pop("REDIS_URL", None)
    return env


def migrated_template(vendor: str) -> str:
    """Migrate once per vendor into a template the sized databases are copied from."""
    if vendor == "sqlite":
        path = OUT / "template.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path.resolve()}"
    else:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DB}_template" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{POSTGRES_DB}_template"')
        url = f"{POSTGRES_SERVER}/{POSTGRES_DB}_template"
    print(f"==> {vendor}: migrating a template database", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        env=_django_env(url),
        check=True,
    )
    return url


def _built_marker(vendor: str, size: str) -> Path:
    return OUT / f"built-{vendor}-{size}.json"


def _reusable(vendor: str, size: str) -> bool:
    """A dataset built earlier from the same bench/data.py, whose database still exists."""
    marker = _built_marker(vendor, size)
    if not marker.exists() or json.loads(marker.read_text()).get("fingerprint") != fingerprint():
        return False
    if vendor == "sqlite":
        return (OUT / f"bench-{size}.sqlite3").exists()
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres") as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [f"{POSTGRES_DB}_{size}"]
        ).fetchone()
    return row is not None


def _database_url(vendor: str, size: str) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{(OUT / f'bench-{size}.sqlite3').resolve()}"
    return f"{POSTGRES_SERVER}/{POSTGRES_DB}_{size}"


def prepared_database(vendor: str, size: str, rebuild: bool) -> str:
    """The database for one part: the dataset built by an earlier run when it is still
    valid (building 10,000 members takes minutes), otherwise a copy of the template."""
    if not rebuild and _reusable(vendor, size):
        return _database_url(vendor, size)
    _built_marker(vendor, size).unlink(missing_ok=True)
    if vendor == "sqlite":
        if not (OUT / "template.sqlite3").exists():
            migrated_template(vendor)
        shutil.copyfile(OUT / "template.sqlite3", OUT / f"bench-{size}.sqlite3")
        return _database_url(vendor, size)
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres") as connection:
        has_template = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [f"{POSTGRES_DB}_template"]
        ).fetchone()
    if not has_template:
        migrated_template(vendor)
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DB}_{size}" WITH (FORCE)')
        connection.execute(
            f'CREATE DATABASE "{POSTGRES_DB}_{size}" TEMPLATE "{POSTGRES_DB}_template"'
        )
    return _database_url(vendor, size)


def run_part(vendor, size, requests, rebuild=False):
    database_url = prepared_database(vendor, size, rebuild)
    out = OUT / f"part-{vendor}-{size}.json"
    print(f"==> {vendor}, {size} dataset", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.measure",
            size,
            str(requests),
            str(out),
            str(_built_marker(vendor, size)),
        ],
        env=_django_env(database_url),
        check=True,
    )
    return json.loads(out.read_text()), database_url


def lighthouse_checks(scores):
    results = []
    for name, page in (scores or {}).items():
        for category in lighthouse.CATEGORIES:
            if category not in page:
                continue
            least = LIGHTHOUSE_PERFORMANCE if category == "performance" else 1.0
            results.append(
                (
                    f"lighthouse {name} {category}: {page[category]} >= {least}",
                    page[category] is not None and page[category] >= least,
                )
            )
    return results


def checks(parts, scores=None):
    """PASS/FAIL per target, from the measured parts and the Lighthouse scores."""
    results = lighthouse_checks(scores)
    for vendor, sizes in parts.items():
        if not {"small", "large"} <= sizes.keys():
            continue
        small, large = sizes["small"]["results"], sizes["large"]["results"]
        for role in ("anonymous", "member"):
            for name, measured in large[role].items():
                before = small[role][name]["queries"]
                limit = ANONYMOUS_MAX if role == "anonymous" else MEMBER_MAX
                results.append(
                    (
                        f"{vendor} {role} {name}: queries small = large ({before}/{measured['queries']})",
                        before == measured["queries"],
                    )
                )
                results.append(
                    (
                        f"{vendor} {role} {name}: at most {limit} queries ({measured['queries']})",
                        measured["queries"] <= limit,
                    )
                )
        if vendor == "postgresql":
            for name, measured in large["anonymous"].items():
                if name in ("search",):
                    continue
                results.append(
                    (
                        f"postgresql large anonymous {name} (cached): p95 {measured['p95_ms']} ms < {CACHED_P95_MS}",
                        measured["p95_ms"] < CACHED_P95_MS,
                    )
                )
            for name in ("directory skill+area", "events with filters"):
                measured = large["member"][name]
                results.append(
                    (
                        f"postgresql large member {name}: p95 {measured['p95_ms']} ms < {SEARCH_P95_MS}",
                        measured["p95_ms"] < SEARCH_P95_MS,
                    )
                )
    return results


def markdown(report):
    lines = [
        "# Benchmark report",
        "",
        f"Generated {report['generated']} in {report['seconds']} s.",
        "",
    ]
    for vendor, sizes in report["parts"].items():
        lines += [f"## {vendor}", ""]
        for size, part in sizes.items():
            lines.append(
                f"- {size}: migrate {part['seconds']['migrate']} s, build {part['seconds']['build']} s, "
                f"measure {part['seconds']['measure']} s"
            )
        lines += [
            "",
            "| URL | viewer | queries small | queries large | p50/p95 small (ms) | p50/p95 large (ms) | p95 large/small |",
            "|---|---|---|---|---|---|---|",
        ]
        small, large = sizes.get("small"), sizes.get("large")
        if not (small and large):
            continue
        for role in ("anonymous", "member"):
            for name, big in large["results"][role].items():
                little = small["results"][role][name]
                ratio = big["p95_ms"] / little["p95_ms"] if little["p95_ms"] else 0
                lines.append(
                    f"| {name} | {role} | {little['queries']} | {big['queries']} | "
                    f"{little['p50_ms']}/{little['p95_ms']} | {big['p50_ms']}/{big['p95_ms']} | {ratio:.2f} |"
                )
        lines.append("")
    if report.get("load"):
        lines += [
            "## gunicorn on loopback (large dataset, anonymous)",
            "",
            "| cache | URL | requests | errors | req/s | p50 ms | p95 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for cache_name, results in report["load"].items():
            for name, result in results.items():
                if isinstance(result, dict):
                    lines.append(
                        f"| {cache_name} | {name} | {result['requests']} | {result['errors']} | "
                        f"{result['rps']} | {result['p50_ms']} | {result['p95_ms']} |"
                    )
        lines.append("")
    if report.get("lighthouse"):
        lines += [
            "## Lighthouse (mobile, simulated throttling)",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "|---|---|---|---|---|",
        ]
        for name, scores in report["lighthouse"].items():
            lines.append(
                f"| {name} | "
                + " | ".join(
                    str(scores.get(k, "-"))
                    for k in ("performance", "accessibility", "best-practices", "seo")
                )
                + " |"
            )
        lines.append("")
    lines += ["## Targets", ""]
    lines += [f"- {'PASS' if ok else 'FAIL'} {label}" for label, ok in report["checks"]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--sizes", default="small,large")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="build the datasets again instead of reusing those built by an earlier run",
    )
    parser.add_argument("--vendors", default="sqlite,postgresql")
    parser.add_argument(
        "--load-only",
        action="store_true",
        help="run the gunicorn part alone on the large dataset built earlier",
    )
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="run Lighthouse alone and add its scores to the existing report",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from the parts measured"
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.load_only:
        vendor = "postgresql" if not args.no_postgres and postgres_answers() else "sqlite"
        paths = {
            "home": "/en/",
            "programme": "/en/programmes/programme-00/",
            "events": "/en/events/",
        }
        results = {"locmem": load.run(_database_url(vendor, "large"), paths)}
        if load.redis_answers(REDIS_URL):
            results["redis"] = load.run(_database_url(vendor, "large"), paths, redis_url=REDIS_URL)
        (OUT / "load.json").write_text(json.dumps(results, indent=2))
        print(json.dumps(results, indent=2))
        return
    if args.lighthouse_only:
        report = json.loads((OUT / "report.json").read_text())
        report["lighthouse"] = lighthouse.run()
        (OUT / "lighthouse.json").write_text(json.dumps(report["lighthouse"], indent=2))
        report["checks"] = checks(report["parts"], report["lighthouse"])
        (OUT / "report.json").write_text(json.dumps(report, indent=2))
        (OUT / "report.md").write_text(markdown(report))
        for label, ok in lighthouse_checks(report["lighthouse"]):
            print(f"{'PASS' if ok else 'FAIL'} {label}")
        return
    if args.report_only:
        parts = {}
        for path in sorted(OUT.glob("part-*.json")):
            part = json.loads(path.read_text())
            vendor = path.stem.split("-")[1]
            parts.setdefault(vendor, {})[part["size"]] = part
        report = {"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "parts": parts}
        if (OUT / "load.json").exists():
            report["load"] = json.loads((OUT / "load.json").read_text())
        if (OUT / "lighthouse.json").exists():
            report["lighthouse"] = json.loads((OUT / "lighthouse.json").read_text())
        report["checks"] = checks(parts, report.get("lighthouse"))
        report["seconds"] = 0
        (OUT / "report.json").write_text(json.dumps(report, indent=2))
        (OUT / "report.md").write_text(markdown(report))
        return
    wanted = args.vendors.split(",")
    vendors = ["sqlite"] if "sqlite" in wanted else []
    if "postgresql" in wanted and not args.no_postgres and postgres_answers():
        vendors.append("postgresql")
    parts, last_database = {}, {}
    for vendor in vendors:
        if args.rebuild:
            migrated_template(vendor)
        for size in args.sizes.split(","):
            part, database_url = run_part(vendor, size, args.requests, args.rebuild)
            parts.setdefault(vendor, {})[size] = part
            last_database[vendor] = database_url
    report = {"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "parts": parts}
    database_url = last_database.get("postgresql") or last_database["sqlite"]
    if not args.no_load and "large" in args.sizes:
        built = json.loads((OUT / "urls.json").read_text()) if (OUT / "urls.json").exists() else {}
        paths = {
            "home": "/en/",
            "programme": built.get("programme", "/en/programmes/"),
            "events": "/en/events/",
        }
        print("==> gunicorn, local-memory cache", flush=True)
        report["load"] = {"locmem": load.run(database_url, paths)}
        if load.redis_answers(REDIS_URL):
            print("==> gunicorn, Redis cache", flush=True)
            report["load"]["redis"] = load.run(database_url, paths, redis_url=REDIS_URL)
        (OUT / "load.json").write_text(json.dumps(report["load"], indent=2))
    if not args.no_lighthouse:
        report["lighthouse"] = lighthouse.run()
        (OUT / "lighthouse.json").write_text(json.dumps(report["lighthouse"], indent=2))
    report["checks"] = checks(parts, report.get("lighthouse"))
    report["seconds"] = round(time.perf_counter() - started)
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    (OUT / "report.md").write_text(markdown(report))
    for label, ok in report["checks"]:
        print(f"{'PASS' if ok else 'FAIL'} {label}")
    print(f"==> var/bench/report.md and report.json written in {report['seconds']} s")


if __name__ == "__main__":
    main()
