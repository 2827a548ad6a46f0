"""python -m loadtest [--drill]: see loadtest/__init__.py and the README
("Security and reliability")."""

import argparse
import contextlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import requests

from bench import server
from loadtest import checks

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "loadtest"
SERVER = os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "acn_load"
PASSWORD = "load-test-password"
CAPACITY = 5
TIMEOUT = 20


def answers(host="127.0.0.1", port=5432) -> bool:
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError:
        return False
    return True


def pg_address():
    parts = urlsplit(SERVER)
    return parts.hostname or "127.0.0.1", parts.port or 5432


def recreate_database(name=DATABASE):
    """Drop and create `name` (acn_load, or the fault drill's acn_drill), nothing else."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def prepare(members: int):
    """Migrate, load the demo and add the load-test members and event; returns what
    the clients need."""
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from members.models import Event, MembershipStatus, Profile

    call_command("migrate", verbosity=0)
    call_command("load_demo", force=True, stdout=io.StringIO())
    User = get_user_model()
    people = []
    for number in range(members):
        email = f"load-{number:02d}@example.org"
        user = User.objects.create_user(email=email, password=PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        headline = f"Load tester {number:02d} start"
        profile = Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": f"Load Tester {number:02d}",
                "status": MembershipStatus.APPROVED,
                "status_changed_at": timezone.now(),
                "headline": headline,
                "bio": checks.bio_for(headline),
                "home_area": "london",
                "visibility": "members",
                "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
                "privacy_consented_at": timezone.now(),
            },
        )[0]
        people.append({"email": email, "public_id": str(profile.public_id), "headline": headline})
    starts = timezone.now() + timedelta(days=7)
    event = Event.objects.create(
        title="Load test: a small workshop",
        description="Few places, many members: replies queue on the event's row lock.",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        format="in-person",
        area="london",
        venue="Community hall, London",
        capacity=CAPACITY,
        audience="members",
        state="published",
    )
    connections.close_all()
    return people, str(event.public_id)


@contextlib.contextmanager
def gunicorn(workers: int, log: Path):
    """The site under gunicorn (bench/server.py) with this process's environment and its
    output in `log`; yields the base URL once /healthz answers."""
    with (
        log.open("w") as output,
        server.gunicorn(
            workers,
            os.environ.copy(),
            ready_path="/healthz",
            output=output,
            seconds=40,
            log_name=str(log),
        ) as (_process, port),
    ):
        yield f"http://127.0.0.1:{port}"


class FormFields(HTMLParser):
    """The fields of the form holding `marker`, as a browser would submit them."""

    def __init__(self, marker):
        super().__init__()
        self.marker, self.forms, self.current = marker, [], None
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in {"submit", "file", "button", "image"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.current.append([attrs["name"], attrs.get("value", "on")])
        elif tag == "select":
            self.select = [attrs.get("name"), None, None]  # name, first, selected
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            self.select[1] = value if self.select[1] is None else self.select[1]
            if "selected" in attrs:
                self.current.append([self.select[0], value])
                self.select[2] = value
        elif tag == "textarea":
            self.textarea = [attrs.get("name"), ""]
            self.current.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            if self.select[2] is None and self.select[1] is not None:
                self.current.append([self.select[0], self.select[1]])
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.current = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def fields(self):
        for form in self.forms:
            if any(name == self.marker for name, _value in form):
                return [(name, value) for name, value in form]
        raise ValueError(f"no form with a field {self.marker!r}")


class Run:
    """What every client saw, shared between the threads."""

    def __init__(self, people, drill_start=None):
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.statuses = Counter()
        self.kinds = Counter()
        self.succeeded = Counter()
        self.durations = {}
        self.unfriendly = 0
        self.connection_errors = 0
        self.samples = []
        self.messages = {}
        self.replies = {person["email"]: {checks.OUT} for person in people}
        self.headlines = {person["email"]: {person["headline"]} for person in people}
        self.timeline = []  # (seconds, status) of everything after the drill begins
        self.outage = {}

    def now(self):
        return round(time.monotonic() - self.started, 2)

    def saw(self, response):
        with self.lock:
            self.statuses[response.status_code] += 1
            if response.status_code >= 500:
                friendly = (
                    response.status_code == 503
                    and "Traceback" not in response.text
                    and response.headers.get("Retry-After") == "30"
                    and "<main>" in response.text
                )
                if not friendly:
                    self.unfriendly += 1
                    if len(self.samples) < 3:
                        self.samples.append(response.text[:500])
            if self.outage:
                self.timeline.append((self.now(), response.status_code))


class HttpClient:
    """A person's browser: `self.session` (requests), `self.base` and `self.run`. A
    request posts the CSRF token as a form would and counts connection errors."""

    def request(self, method, path, data=None):
        if data is not None:
            data = [*data, ("csrfmiddlewaretoken", self.session.cookies.get("csrftoken", ""))]
        try:
            response = self.session.request(
                method,
                self.base + path,
                data=data,
                timeout=TIMEOUT,
                headers={"Referer": self.base + path},
            )
        except requests.RequestException:
            with self.run.lock:
                self.run.connection_errors += 1
            return None
        for each in [*response.history, response]:
            self.run.saw(each)
        return response


class Member(HttpClient):
    def __init__(self, run, base, person, people, event):
        self.run, self.base, self.person, self.event = run, base, person, event
        self.others = [other for other in people if other is not person]
        self.email = person["email"]
        self.session = requests.Session()
        self.sequence = 0
        self.profile_fields = None

    @staticmethod
    def redirected_to(response, fragment) -> bool:
        if response is None or not response.history:
            return False
        first = response.history[0]
        return first.status_code == 302 and fragment in first.headers.get("Location", "")

    def log_in(self):
        self.request("GET", "/accounts/login/")
        response = self.request(
            "POST", "/accounts/login/", [("login", self.email), ("password", PASSWORD)]
        )
        if not self.redirected_to(response, "/members/me/"):
            raise RuntimeError(f"{self.email} could not sign in")
        parser = FormFields("headline")
        parser.feed(self.request("GET", "/members/me/profile/").text)
        self.profile_fields = parser.fields()

    def reply(self):
        take = checks.IN not in self.run.replies[self.email] or random.random() < 0.2
        action = "reply" if take else "give-up"
        response = self.request("POST", f"/members/events/{self.event}/{action}/", [])
        ok = self.redirected_to(response, f"/events/{self.event}/")
        wanted = checks.IN if take else checks.OUT
        with self.run.lock:
            self.run.replies[self.email] = checks.after(self.run.replies[self.email], wanted, ok)
        return "reply", ok

    def message(self):
        other = random.choice(self.others)
        body = f"load-test {self.email} {self.sequence} {uuid.uuid4().hex}"
        response = self.request("POST", f"/members/{other['public_id']}/message/", [("body", body)])
        ok = self.redirected_to(response, "/members/messages/")
        with self.run.lock:
            self.run.messages[body] = ok
        return "message", ok

    def edit_profile(self):
        headline = f"Load tester {self.email[5:7]} edit {self.sequence}"
        data = [
            (name, headline if name == "headline" else value)
            for name, value in self.profile_fields
            if name != "bio"
        ] + [("bio", checks.bio_for(headline))]
        response = self.request("POST", "/members/me/profile/", data)
        ok = self.redirected_to(response, "/members/me/profile/")
        with self.run.lock:
            self.run.headlines[self.email] = checks.after(
                self.run.headlines[self.email], headline, ok
            )
        return "profile", ok

    def work(self, until):
        actions = [self.reply] * 4 + [self.message] * 3 + [self.edit_profile] * 3
        while time.monotonic() < until:
            self.sequence += 1
            began = time.monotonic()
            kind, ok = random.choice(actions)()
            with self.run.lock:
                self.run.durations.setdefault(kind, []).append(time.monotonic() - began)
                self.run.kinds[kind] += 1
                self.run.succeeded[kind] += ok
                if ok and self.run.outage.get("ended") and "first_success" not in self.run.outage:
                    self.run.outage["first_success"] = self.run.now()


def cluster():
    """(version, name) of the PostgreSQL cluster on the server's port (Debian)."""
    output = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=True
    ).stdout
    port = str(pg_address()[1])
    for line in output.splitlines():
        version, name, cluster_port, *_rest = line.split()
        if cluster_port == port:
            return version, name
    raise RuntimeError("no local PostgreSQL cluster on that port: the drill needs one")


def pg_ctl(action):
    version, name = cluster()
    extra = ["-m", "fast"] if action == "stop" else []
    subprocess.run(["pg_ctlcluster", version, name, action, *extra], check=True)


def ensure_postgres_running():
    if not answers(*pg_address()):
        print("==> Starting PostgreSQL again", flush=True)
        pg_ctl("start")


def drill(run, base, at, seconds):
    """Stop PostgreSQL `at` seconds into the run for `seconds`, and watch /healthz."""
    time.sleep(at)
    with run.lock:
        run.outage["stop_issued"] = run.now()
    print(f"    {run.now():5.1f} s: stopping PostgreSQL", flush=True)
    pg_ctl("stop")
    with run.lock:
        run.outage["down"] = run.now()
    time.sleep(seconds)
    print(f"    {run.now():5.1f} s: starting PostgreSQL again", flush=True)
    with run.lock:
        run.outage["start_issued"] = run.now()
    pg_ctl("start")
    with run.lock:
        run.outage["ended"] = run.now()  # accepting connections again


def watch_health(run, base, until):
    while time.monotonic() < until:
        with contextlib.suppress(requests.RequestException):
            status = requests.get(f"{base}/healthz", timeout=TIMEOUT).status_code
            with run.lock:
                if run.outage:
                    run.timeline.append((run.now(), f"healthz {status}"))
        time.sleep(0.5)


def verify(run, event_id):
    from django.db import connections

    from members.models import EventReply, Message, Profile

    connections.close_all()
    rows = list(
        EventReply.objects.filter(event__public_id=event_id).values_list("user__email", "status")
    )
    stored = Counter(
        Message.objects.filter(body__startswith="load-test ").values_list("body", flat=True)
    )
    profiles = {
        email: (headline, bio)
        for email, headline, bio in Profile.objects.filter(
            user__email__in=list(run.headlines)
        ).values_list("user__email", "headline", "bio")
    }
    problems = checks.check_replies(run.replies, rows, CAPACITY)
    problems += checks.check_messages(run.messages, stored)
    problems += checks.check_profiles(run.headlines, profiles)
    held = Counter(status for _email, status in rows)
    return problems, held, sum(stored.values()), len(profiles)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def outage_summary(run):
    timeline = run.timeline
    codes = [(at, status) for at, status in timeline if isinstance(status, int)]
    first_503 = next((at for at, status in codes if status == 503), None)
    last_503 = next((at for at, status in reversed(codes) if status == 503), None)
    ended = run.outage.get("ended", 0)
    health = [(at, status) for at, status in timeline if isinstance(status, str)]
    healthy_again = next(
        (at for at, status in health if at > ended and status.endswith("200")), None
    )
    return {
        **run.outage,
        "first_503": first_503,
        "last_503": last_503,
        "healthz_200_after_restart": healthy_again,
        "healthz_503s": sum(1 for _at, status in health if status.endswith("503")),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m loadtest")
    parser.add_argument("--seconds", type=int, default=45, help="length of the load")
    parser.add_argument("--clients", type=int, default=12, help="members working at once")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--drill", action="store_true", help="stop PostgreSQL during the load")
    parser.add_argument("--outage", type=int, default=10, help="seconds PostgreSQL is down")
    args = parser.parse_args(argv)

    host, port = pg_address()
    if not answers(host, port):
        print(f"PostgreSQL does not answer on {host}:{port}: the load test was SKIPPED.")
        return 0
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="loadtest.settings",
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        VAR_DIR=str(VAR),
        MEMBER_MESSAGES_PER_HOUR="1000000",
        MEMBER_NEW_CONVERSATIONS_PER_HOUR="1000000",
        PAGE_CACHE_ENABLED="true",
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    print(f"==> Database {DATABASE}: recreating, migrating, loading the demo", flush=True)
    began = time.monotonic()
    recreate_database()
    people, event_id = prepare(args.clients)
    print(f"    ready in {time.monotonic() - began:.0f} s", flush=True)
    try:
        with gunicorn(args.workers, VAR / "gunicorn.log") as base:
            run = Run(people)
            members = [Member(run, base, person, people, event_id) for person in people]
            for member in members:
                member.log_in()
            run.statuses.clear()
            mode = "fault drill" if args.drill else "load"
            print(
                f"==> {mode}: {args.clients} members, {args.seconds} s, gunicorn "
                f"{args.workers} workers at {base}",
                flush=True,
            )
            run.started = time.monotonic()
            until = run.started + args.seconds
            threads = [threading.Thread(target=member.work, args=(until,)) for member in members]
            if args.drill:
                run.outage["planned"] = True
                threads.append(
                    threading.Thread(target=drill, args=(run, base, args.seconds // 4, args.outage))
                )
                threads.append(threading.Thread(target=watch_health, args=(run, base, until)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - run.started
    finally:
        if args.drill:
            ensure_postgres_running()
    for _attempt in range(30):
        if answers(host, port):
            break
        time.sleep(1)
    problems, held, messages, profiles = verify(run, event_id)
    problems += checks.check_statuses(
        run.statuses, run.unfriendly, run.connection_errors, drill=args.drill
    )
    if args.drill:
        timeline = outage_summary(run)
        if timeline.get("first_503") is None or not timeline.get("healthz_503s"):
            problems.append("the site never answered 503 while PostgreSQL was down")
        if timeline.get("first_success") is None:
            problems.append("no operation succeeded after PostgreSQL came back")
        late = [at for at, status in run.timeline if status == 503 and at > elapsed - 10]
        if late:
            problems.append(f"{len(late)} 503s in the last 10 s: the site did not recover")
    total = sum(run.statuses.values())
    report = {
        "mode": "drill" if args.drill else "load",
        "seconds": round(elapsed, 1),
        "clients": args.clients,
        "workers": args.workers,
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "statuses": dict(sorted(run.statuses.items())),
        "operations": dict(run.kinds),
        "succeeded": dict(run.succeeded),
        "milliseconds_p50_p95": {
            kind: [round(1000 * percentile(times, share)) for share in (0.5, 0.95)]
            for kind, times in run.durations.items()
        },
        "event_replies": dict(held),
        "messages_stored": messages,
        "profiles_checked": profiles,
        "connection_errors": run.connection_errors,
        "problems": problems,
    }
    if args.drill:
        report["outage"] = timeline
    (VAR / f"{report['mode']}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps({key: value for key, value in report.items() if key != "problems"}, indent=2))
    for sample in run.samples:
        print("--- an unfriendly error page:\n" + sample)
    if problems:
        print(f"FAIL: {len(problems)} problems")
        for problem in problems[:20]:
            print("  - " + problem)
        return 1
    print(f"PASS: {total} requests, no server error, no row lost, duplicated or half written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
