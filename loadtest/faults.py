"""python -m loadtest.faults [--short]: the email and cache fault drill (issue 16 §4).

gunicorn with the load-test settings (DEBUG off, page cache on, Redis as in production),
the task worker (`manage.py db_worker`), a real SMTP server (aiosmtpd, loadtest/smtp_sink.py)
on 127.0.0.1:8462 and a redis-server of the drill's own on 127.0.0.1:8461, all on
PostgreSQL in the database acn_drill (dropped and created again). While members reply to
an event and message each other, and newcomers sign up, apply to a programme, join the
newsletter and read pages, the drill stops the SMTP server for 20 s, then Redis for 10 s.

It passes only if no request answered 500 (a 503 "try again in a few minutes" is the
answer while Redis is down to what it cannot count), every email whose action
succeeded reached the SMTP server exactly once once it was back, and pages were served
while Redis was down. It prints the figures: requests, 5xx, emails expected and
delivered, the longest delay between an action and its email.
"""

import argparse
import contextlib
import email
import email.policy
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

import requests

from loadtest.__main__ import (
    PASSWORD,
    ROOT,
    SERVER,
    TIMEOUT,
    FormFields,
    HttpClient,
    Member,
    Run,
    answers,
    gunicorn,
    pg_address,
    prepare,
    recreate_database,
)

VAR = ROOT / "var" / "drill"
DATABASE = "acn_drill"
REDIS_PORT = 8461
SMTP_PORT = 8462
MAIL_LOG = VAR / "mail.jsonl"
# Full drill and short (CI) drill: load length, when SMTP stops, when Redis stops, and
# how long to wait afterwards for the retried emails (the first retry comes after 60 s).
PLANS = {
    "full": {"seconds": 90, "smtp_at": 10, "redis_at": 45, "drain": 240},
    "short": {"seconds": 45, "smtp_at": 5, "redis_at": 30, "drain": 240},
}
SMTP_OUTAGE = 20
REDIS_OUTAGE = 10
_addresses = itertools.count(1)
RADIO = re.compile(r'<input[^>]*type="radio"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


def wait_for_port(port, seconds=15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answers("127.0.0.1", port):
            return True
        time.sleep(0.1)
    return False


class Service:
    """A process of the drill's own that it may stop and start again."""

    def __init__(self, name, argv, port=None, env=None):
        self.name, self.argv, self.port, self.env = name, argv, port, env
        self.log = VAR / f"{name}.log"
        self.process = None

    def start(self):
        output = self.log.open("a")
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed argv
            self.argv, stdout=output, stderr=output, env=self.env or os.environ.copy()
        )
        if self.port and not wait_for_port(self.port):
            self.stop()
            raise RuntimeError(f"{self.name} did not start on port {self.port}, see {self.log}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


class DrillRun(Run):
    """What every client saw, plus what the drill needs: the emails each successful
    action must cause, and what happened while Redis was down."""

    def __init__(self, people):
        super().__init__(people)
        self.expected = []  # (kind, how to find it, when the action succeeded)
        self.refused = Counter()
        self.pages_while_redis_down = 0
        self.redis_down = False
        self.server_errors = []
        self.health = []

    def saw(self, response):
        super().saw(response)
        with self.lock:
            if response.status_code >= 500 and response.status_code != 503:
                self.server_errors.append((self.now(), response.status_code, response.url))

    def expect(self, kind, finder):
        with self.lock:
            self.expected.append((kind, finder, time.time()))


class DrillMember(Member):
    """A signed-in member: replies to the event, messages another member."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.threads = set()

    def message(self):
        # Each member writes only to members after them in address order, so nobody
        # answers in a thread: opening a thread to write in it reads it, and the next
        # message then rightly sends a new email, which this drill could not tell from
        # a duplicate (the emails carry no message).
        later = [other for other in self.others if other["email"] > self.email]
        if not later:
            return self.reply()
        other = random.choice(later)
        marker = uuid.uuid4().hex
        body = f"load-test {self.email} {self.sequence} {marker}"
        response = self.request("POST", f"/members/{other['public_id']}/message/", [("body", body)])
        ok = self.redirected_to(response, "/members/messages/")
        if ok:
            # The email names the writer and links the thread, without the message; one
            # per conversation while the recipient has not opened it (issue 19 §2). Both
            # people of a conversation get emails linking the same thread: each is
            # expected once, to its own recipient.
            thread = response.history[0].headers["Location"]
            if thread not in self.threads:
                self.threads.add(thread)
                self.run.expect("message", ("text to", (thread, other["email"])))
        return "message", ok

    def work(self, until):
        actions = [self.reply] * 2 + [self.message] * 3
        while time.monotonic() < until:
            self.sequence += 1
            began = time.monotonic()
            kind, ok = random.choice(actions)()
            with self.run.lock:
                self.run.durations.setdefault(kind, []).append(time.monotonic() - began)
                self.run.kinds[kind] += 1
                self.run.succeeded[kind] += ok
            time.sleep(0.2)


class Newcomer(HttpClient):
    """Someone without an account, from an address of their own (the drill's gunicorn
    trusts one proxy, so each newcomer has its own rate limits, as on the internet)."""

    def __init__(self, run, base, apply_path, pages):
        self.run, self.base, self.apply_path, self.pages = run, base, apply_path, pages

    def fresh_session(self):
        number = next(_addresses)
        self.session = requests.Session()
        self.session.headers["X-Forwarded-For"] = f"198.18.{number // 250}.{number % 250 + 1}"

    def succeeded(self, response, kind, fragment) -> bool:
        if response is None:
            return False
        if response.status_code == 503:
            with self.run.lock:
                self.run.refused[kind] += 1
        first = response.history[0] if response.history else response
        return first.status_code == 302 and fragment in first.headers.get("Location", "")

    def read_pages(self):
        ok = True
        for path in self.pages:
            response = self.request("GET", path)
            served = response is not None and response.status_code == 200
            ok = ok and served
            if served:
                with self.run.lock:
                    if self.run.redis_down:
                        self.run.pages_while_redis_down += 1
        return "pages", ok

    def sign_up(self):
        address = f"drill-signup-{uuid.uuid4().hex[:12]}@example.org"
        self.request("GET", "/accounts/signup/")
        response = self.request(
            "POST",
            "/accounts/signup/",
            [
                ("email", address),
                ("password1", PASSWORD + "-long-enough"),
                ("password2", PASSWORD + "-long-enough"),
                ("display_name", "Drill Newcomer"),
                ("privacy_consent", "on"),
            ],
        )
        ok = self.succeeded(response, "signup", "/accounts/")
        if ok:
            self.run.expect("signup", ("to", address))
        return "signup", ok

    def apply(self):
        address = f"drill-apply-{uuid.uuid4().hex[:12]}@example.org"
        page = self.request("GET", self.apply_path)
        if page is None or page.status_code != 200:
            return "apply", False
        parser = FormFields("email")
        parser.feed(page.text)
        data = []
        for name, value in parser.fields():
            if name == "csrfmiddlewaretoken" or name == "website":
                continue
            value = {
                "email": address,
                "name": "Drill Applicant",
                "phone": "",
                "home_area": "",
                "languages": "English",
            }.get(name, value)
            if name.startswith("question_") and not value.strip():
                value = "Drill answer"  # a written answer
            data.append((name, value))
        chosen = {name for name, _value in data}
        for name, value in RADIO.findall(page.text):
            if name not in chosen:  # a required choice: take its first option
                data.append((name, value))
                chosen.add(name)
        data.append(("consent", "on"))
        response = self.request("POST", self.apply_path, data)
        ok = self.succeeded(response, "apply", "sent=1")
        if ok:
            self.run.expect("apply", ("to", address))
        return "apply", ok

    def newsletter(self):
        address = f"drill-news-{uuid.uuid4().hex[:12]}@example.org"
        self.request("GET", "/newsletter/")
        response = self.request(
            "POST",
            "/newsletter/",
            [("email", address), ("language", "en"), ("consent", "on")],
        )
        ok = self.succeeded(response, "newsletter", "sent=1")
        if ok:
            self.run.expect("newsletter", ("to", address))
        return "newsletter", ok

    def work(self, until):
        actions = [self.read_pages] * 3 + [self.sign_up, self.apply, self.newsletter]
        while time.monotonic() < until:
            self.fresh_session()
            began = time.monotonic()
            kind, ok = random.choice(actions)()
            with self.run.lock:
                self.run.durations.setdefault(kind, []).append(time.monotonic() - began)
                self.run.kinds[kind] += 1
                self.run.succeeded[kind] += ok
            time.sleep(0.2)


def faults(run, plan, smtp, redis):
    """SMTP away for SMTP_OUTAGE seconds, then Redis for REDIS_OUTAGE."""
    time.sleep(plan["smtp_at"])
    print(f"    {run.now():5.1f} s: stopping the SMTP server for {SMTP_OUTAGE} s", flush=True)
    smtp.stop()
    run.outage["smtp_down"] = run.now()
    time.sleep(SMTP_OUTAGE)
    smtp.start()
    run.outage["smtp_up"] = run.now()
    print(f"    {run.now():5.1f} s: the SMTP server is back", flush=True)
    time.sleep(max(plan["redis_at"] - run.now(), 0))
    print(f"    {run.now():5.1f} s: stopping Redis for {REDIS_OUTAGE} s", flush=True)
    redis.stop()
    with run.lock:
        run.redis_down = True
    run.outage["redis_down"] = run.now()
    time.sleep(REDIS_OUTAGE)
    redis.start()
    with run.lock:
        run.redis_down = False
    run.outage["redis_up"] = run.now()
    print(f"    {run.now():5.1f} s: Redis is back", flush=True)


def watch_health(run, base, until):
    while time.monotonic() < until:
        with contextlib.suppress(requests.RequestException, ValueError):
            response = requests.get(f"{base}/healthz", timeout=TIMEOUT)
            with run.lock:
                run.health.append((run.now(), response.status_code, response.json()))
        time.sleep(0.5)


def received():
    """Every message the SMTP server accepted: (when, recipients, subject, text)."""
    if not MAIL_LOG.exists():
        return []
    messages = []
    for line in MAIL_LOG.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        parsed = email.message_from_string(entry["message"], policy=email.policy.default)
        text = "\n".join(
            part.get_content()
            for part in parsed.walk()
            if part.get_content_type() == "text/plain" and not part.is_attachment()
        )
        recipients = [address.lower() for address in entry["to"]]
        messages.append((entry["at"], recipients, str(parsed["Subject"]), text))
    return messages


def match(expected, messages):
    """For each expected email: the messages that are it."""
    found = []
    for kind, (how, what), at in expected:
        if how == "to":
            hits = [message for message in messages if what in message[1]]
        elif how == "text to":
            text, recipient = what
            hits = [m for m in messages if text in m[3] and recipient in m[1]]
        else:
            hits = [message for message in messages if what in message[3]]
        found.append((kind, what, at, hits))
    return found


def wait_for_emails(run, deadline):
    while True:
        found = match(run.expected, received())
        if all(hits for *_rest, hits in found) or time.monotonic() > deadline:
            break
        time.sleep(2)
    time.sleep(5)  # a late duplicate would arrive now
    return match(run.expected, received())


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m loadtest.faults")
    parser.add_argument("--short", action="store_true", help="the few-minute version for CI")
    parser.add_argument("--members", type=int, default=6, help="signed-in members at once")
    parser.add_argument("--newcomers", type=int, default=4, help="visitors without accounts")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args(argv)
    plan = PLANS["short" if args.short or os.environ.get("DRILL_SHORT") == "1" else "full"]

    host, port = pg_address()
    if not answers(host, port):
        print(f"PostgreSQL does not answer on {host}:{port}: the drill was SKIPPED.")
        return 0
    if not shutil.which("redis-server"):
        print("redis-server is missing (apt-get install redis-server): the drill was SKIPPED.")
        return 0
    for taken in (REDIS_PORT, SMTP_PORT):
        if answers("127.0.0.1", taken):
            print(f"Port {taken} is already in use: stop what listens there first.")
            return 1
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="loadtest.settings",
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        VAR_DIR=str(VAR),
        REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
        TASKS_BACKEND="database",
        MEMBER_MESSAGES_PER_HOUR="1000000",
        MEMBER_NEW_CONVERSATIONS_PER_HOUR="1000000",
        PAGE_CACHE_ENABLED="true",
        ALLAUTH_TRUSTED_PROXY_COUNT="1",
        WEB_CONCURRENCY=str(args.workers),
    )
    sys.path.insert(0, str(ROOT))
    redis = Service(
        "redis",
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(VAR)],
        port=REDIS_PORT,
    )
    smtp = Service(
        "smtp", [sys.executable, "-m", "loadtest.smtp_sink", str(SMTP_PORT), str(MAIL_LOG)],
        port=SMTP_PORT,
    )  # fmt: skip
    worker = Service("worker", [sys.executable, str(ROOT / "manage.py"), "db_worker"])
    services = [redis, smtp, worker]
    print(f"==> Database {DATABASE}: recreating, migrating, loading the demo", flush=True)
    began = time.monotonic()
    recreate_database(DATABASE)
    os.environ["LOADTEST_IMMEDIATE_TASKS"] = "1"  # for this process only (settings.py)
    people, event_id = prepare(args.members)
    apply_path, pages = open_programme_paths()
    print(f"    ready in {time.monotonic() - began:.0f} s", flush=True)
    # Only now, for the services: the demo's own emails went nowhere, its tasks ran.
    del os.environ["LOADTEST_IMMEDIATE_TASKS"]
    os.environ["DRILL_SMTP_PORT"] = str(SMTP_PORT)
    try:
        redis.start()
        smtp.start()
        worker.start()
        with gunicorn(args.workers, VAR / "gunicorn.log") as base:
            run = DrillRun(people)
            members = [DrillMember(run, base, person, people, event_id) for person in people]
            for member in members:
                member.log_in()
            newcomers = [Newcomer(run, base, apply_path, pages) for _n in range(args.newcomers)]
            run.statuses.clear()
            MAIL_LOG.write_text("")  # what the sign-ins sent does not count
            print(
                f"==> Fault drill: {args.members} members and {args.newcomers} newcomers for "
                f"{plan['seconds']} s, gunicorn {args.workers} workers at {base}; SMTP down "
                f"at {plan['smtp_at']} s for {SMTP_OUTAGE} s, Redis at {plan['redis_at']} s "
                f"for {REDIS_OUTAGE} s",
                flush=True,
            )
            run.started = time.monotonic()
            run.outage["planned"] = True
            until = run.started + plan["seconds"]
            threads = [
                threading.Thread(target=client.work, args=(until,))
                for client in [*members, *newcomers]
            ]
            threads.append(threading.Thread(target=faults, args=(run, plan, smtp, redis)))
            threads.append(threading.Thread(target=watch_health, args=(run, base, until)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - run.started
            print(f"==> Load over; waiting up to {plan['drain']} s for the queued emails")
            found = wait_for_emails(run, time.monotonic() + plan["drain"])
            worker_alive = worker.process is not None and worker.process.poll() is None
    finally:
        for service in reversed(services):
            service.stop()
    report, problems = summarise(run, found, elapsed, worker_alive)
    (VAR / "report.json").write_text(json.dumps({**report, "problems": problems}, indent=2))
    print(json.dumps(report, indent=2))
    if problems:
        print(f"FAIL: {len(problems)} problems")
        for problem in problems[:20]:
            print("  - " + problem)
        return 1
    print(
        f"PASS: {report['requests']} requests, no 500, {report['emails_delivered']} of "
        f"{report['emails_expected']} emails delivered exactly once, "
        f"{report['pages_served_while_redis_down']} pages served while Redis was down"
    )
    return 0


def open_programme_paths():
    """The demo's programme that takes applications on the site, and pages to read."""
    from django.db import connections

    from programmes.demo.applications import OPEN_PROGRAMME_SLUG
    from programmes.models import ProgrammePage

    page = ProgrammePage.objects.get(slug=OPEN_PROGRAMME_SLUG, locale__language_code="en")
    paths = (page.url + "apply/", ["/en/", page.url, page.get_parent().url])
    connections.close_all()
    return paths


def summarise(run, found, elapsed, worker_alive):
    problems = []
    statuses = dict(sorted(run.statuses.items()))
    five_hundreds = sum(n for code, n in run.statuses.items() if code >= 500 and code != 503)
    if five_hundreds:
        problems.append(
            f"{five_hundreds} requests answered a server error: {run.server_errors[:5]}"
        )
    if run.connection_errors:
        problems.append(f"{run.connection_errors} requests got no HTTP answer at all")
    missing = [(kind, what) for kind, what, _at, hits in found if not hits]
    doubled = []
    delays = []
    for kind, what, at, hits in found:
        subjects = Counter(subject for _when, _to, subject, _text in hits)
        if any(count > 1 for count in subjects.values()):
            doubled.append((kind, what))
        if hits:
            delays.append(max(min(when for when, *_rest in hits) - at, 0.0))
    if missing:
        problems.append(f"{len(missing)} emails never arrived, such as {missing[:3]}")
    if doubled:
        problems.append(f"{len(doubled)} emails arrived more than once, such as {doubled[:3]}")
    if not found:
        problems.append("no action that sends an email succeeded")
    if not run.pages_while_redis_down:
        problems.append("no page was served while Redis was down")
    cache_failing = [
        at for at, _status, body in run.health if body.get("checks", {}).get("cache") == "failing"
    ]
    if not cache_failing:
        problems.append('/healthz never said "cache": "failing" while Redis was down')
    if not worker_alive:
        problems.append("the task worker stopped during the drill (see var/drill/worker.log)")
    kinds = Counter(kind for kind, *_rest in found)
    report = {
        "seconds": round(elapsed, 1),
        "requests": sum(run.statuses.values()),
        "statuses": statuses,
        "5xx": sum(n for code, n in run.statuses.items() if code >= 500),
        "500s": five_hundreds,
        "operations": dict(run.kinds),
        "succeeded": dict(run.succeeded),
        "refused_503_while_redis_down": dict(run.refused),
        "emails_expected": len(found),
        "emails_expected_by_kind": dict(kinds),
        "emails_delivered": len(found) - len(missing),
        "emails_delivered_twice": len(doubled),
        "longest_delay_seconds": round(max(delays), 1) if delays else None,
        "pages_served_while_redis_down": run.pages_while_redis_down,
        "healthz_cache_failing_seconds": [cache_failing[0], cache_failing[-1]]
        if cache_failing
        else None,
        "outage": run.outage,
    }
    return report, problems


if __name__ == "__main__":
    sys.exit(main())
