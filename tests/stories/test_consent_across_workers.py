"""A participant's withdrawal of consent holds in every gunicorn worker and every
language at once, on the default settings (no Redis, page cache on, DEBUG off): no
worker keeps serving the story from its cache, and no translation stays live."""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from home.i18n import translate_page
from stories.models import StoryPage
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 3
REQUESTS_AFTER = 30
# The server's environment: everything a deployment could set that would change the
# default configuration is left out.
NOT_INHERITED = {
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "REDIS_URL",
    "PAGE_CACHE_ENABLED",
    "PAGE_CACHE_SECONDS",
    "VAR_DIR",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_the_server(directory: Path) -> str:
    """The test database, reachable from another process. SQLite's lives in this
    process's memory, so it is copied into a file; PostgreSQL's is used as it is."""
    if connection.vendor == "sqlite":
        target = directory / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


class Server:
    """gunicorn with WORKERS sync workers on a free loopback port. `--preload` imports
    the site once and forks the workers from it (a few seconds sooner up); each worker
    still has a memory cache of its own, which is what this is about."""

    def __init__(self, database_url: str, var_dir: Path):
        self.port = free_port()
        env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
        env.update(
            DJANGO_SETTINGS_MODULE="tests.served_settings",
            DATABASE_URL=database_url,
            VAR_DIR=str(var_dir),
        )
        self.log = var_dir / "gunicorn.log"
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, bound to loopback
            [
                sys.executable,
                "-m",
                "gunicorn",
                "network_site.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
                "--preload",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def request(self, method, path, *, body=None, cookies=None):
        headers = {"Host": "localhost", "Connection": "close"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(body)
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            client.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def wait_until_every_worker_answers(self, seconds=60):
        deadline = time.monotonic() + seconds
        workers = set()
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                workers |= {headers["X-Worker"] for _, headers, _ in self.spread("/healthz", 6)}
            except OSError:
                time.sleep(0.2)
                continue
            if len(workers) == WORKERS:
                return
        raise AssertionError(f"gunicorn did not start {WORKERS} workers:\n{self.output()}")

    def spread(self, path, count):
        """`count` GETs of `path`, six at a time on fresh connections, so that every worker
        takes some (a sync worker answers one request at a time)."""
        with ThreadPoolExecutor(max_workers=6) as pool:
            return list(pool.map(lambda _: self.get(path), range(count)))

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # quick shutdown: nothing is in flight
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def translated_story(story_index, editor):
    """A participant story, named, published in English, Arabic and Traditional Chinese."""
    story = StoryPageFactory(
        parent=story_index,
        title="Amal speaks at the council",
        slug="amal-speaks",
        consent_scope="name",
    )
    translate_page(story, "ar", {"Amal speaks at the council": "أمل تتحدث في المجلس"})
    translate_page(story, "zh-hant", {"Amal speaks at the council": "阿瑪爾在議會發言"})
    versions = StoryPage.objects.filter(translation_key=story.translation_key)
    assert sorted(version.live for version in versions) == [True, True, True]
    return story


def test_after_withdrawal_no_worker_serves_the_story_in_any_language(
    client, translated_story, editor, tmp_path
):
    versions = StoryPage.objects.filter(translation_key=translated_story.translation_key)
    urls = sorted(page.url for page in versions)
    assert len(urls) == 3 and {url.split("/")[1] for url in urls} == {"en", "ar", "zh-hant"}
    client.force_login(editor)
    session = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    withdraw_url = reverse("stories_withdraw_consent", args=[translated_story.pk])

    server = Server(database_url_for_the_server(tmp_path), tmp_path)
    try:
        server.wait_until_every_worker_answers()

        # Every worker has each language's page in its cache.
        for url in urls:
            cached_by = set()
            for _attempt in range(10):
                for status, headers, _body in server.spread(url, 12):
                    assert status == 200, (url, status, server.output())
                    if headers.get("X-Page-Cache") == "hit":
                        cached_by.add(headers["X-Worker"])
                if len(cached_by) == WORKERS:
                    break
            assert len(cached_by) == WORKERS, (url, cached_by)

        # An editor withdraws consent with the admin's button, served by one worker.
        status, headers, body = server.get(withdraw_url, cookies=session)
        assert status == 200, (status, server.output())
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        csrf_cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        status, headers, _body = server.request(
            "POST",
            withdraw_url,
            body={"csrfmiddlewaretoken": token.decode()},
            cookies={**session, "csrftoken": csrf_cookie},
        )
        assert status == 302, (status, server.output())

        # Then readers ask every worker, in every language.
        for url in urls:
            answers = server.spread(url, REQUESTS_AFTER)
            served = [headers.get("X-Page-Cache", "fresh") for s, headers, _ in answers if s == 200]
            assert not served, f"{url}: {len(served)} of {REQUESTS_AFTER} still served ({served})"
            for status, headers, _body in answers:
                assert status in {301, 302, 404}, (url, status)
                assert "amal-speaks" not in headers.get("Location", ""), (url, headers)
            assert len({headers["X-Worker"] for _, headers, _ in answers}) == WORKERS
    finally:
        server.stop()
