"""Redis down (issue 16 §3): every page still renders from the database, rate-limited
actions are refused with a clear answer instead of let through or failing, /healthz says
the cache is failing, and what was cached before the outage never comes back stale.

Redis is made unreachable for real: `REDIS_URL` names a port nobody listens on, a
socket that accepts and never answers, or a redis-server of the test's own that it
stops and starts again.
"""

import shutil
import socket
import subprocess
import time
from contextlib import closing

import pytest
import redis
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import home.cache
import home.frame
from members.models import Message
from stories.models import Subscriber
from tests.factories import ProgrammePageFactory
from tests.programmes.conftest import answers_for

SIGNUP = {
    "email": "newcomer@example.org",
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


def free_port() -> int:
    """A loopback port that was free a moment ago and that nothing listens on."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis(settings, url):
    """The production cache settings (network_site/settings/base.py) for `url`."""
    cache = {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "acn",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    settings.REDIS_URL = url
    settings.CACHES = {"default": cache, "shared": cache}


@pytest.fixture(autouse=True)
def forget_outages():
    """Each test starts and ends with no memory of an earlier test's outage."""
    home.cache._down_until.clear()
    home.frame._retire_when_back = False
    yield
    home.cache._down_until.clear()
    home.frame._retire_when_back = False


@pytest.fixture
def redis_down(settings):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def programme(programme_index):
    return ProgrammePageFactory(parent=programme_index, title="Speak Up, Lead Locally")


def test_pages_render_from_the_database_while_redis_is_down(
    client, redis_down, page_cache_on, programme, approved_member
):
    for _visit in range(2):
        response = client.get(programme.url)
        assert response.status_code == 200
        assert "Speak Up, Lead Locally" in response.text
        assert "X-Page-Cache" not in response  # nothing cached, nothing served stale
    assert client.get(programme.get_parent().url).status_code == 200
    assert client.get("/en/search/?q=speak").status_code == 200
    client.force_login(approved_member)
    assert client.get(reverse("members:directory")).status_code == 200


def test_healthz_answers_503_cache_failing_while_redis_is_down(client, db, redis_down):
    client.get("/en/")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["cache"] == "failing"
    assert "127.0.0.1" not in response.text


def test_a_redis_that_accepts_and_never_answers_costs_a_moment_not_the_request(
    client, settings, programme
):
    settings.PAGE_CACHE_ENABLED = False
    started = time.monotonic()
    assert client.get(programme.url).status_code == 200
    baseline = time.monotonic() - started  # the same page, uncached, on this machine
    with closing(socket.socket()) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)  # the kernel accepts connections; nobody ever reads them
        use_redis(settings, f"redis://127.0.0.1:{silent.getsockname()[1]}/0")
        for _visit in range(3):
            started = time.monotonic()
            response = client.get(programme.url)
            elapsed = time.monotonic() - started
            assert response.status_code == 200
            assert "Speak Up, Lead Locally" in response.text
            # At most one socket timeout (0.5 s), then the process stops asking.
            assert elapsed < 2 * baseline + 1.5


def test_sign_up_is_refused_with_a_clear_message_while_limits_cannot_be_counted(
    client, home_page, redis_down, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "5/h/ip"}
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Please try again in a few minutes" in response.text
    assert "Nothing was saved" in response.text
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()
    assert not mail.outbox


def test_applications_are_refused_rather_than_let_through_unlimited(
    client, open_programme, redis_down, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"programme_application": "10/h/ip,3/h/key"}
    response = client.post(f"{open_programme.url}apply/", answers_for(open_programme))
    assert response.status_code == 503
    assert "Please try again in a few minutes" in response.text
    assert not open_programme.applications.exists()


def test_newsletter_sign_up_is_refused_while_redis_is_down(client, home_page, redis_down):
    response = client.post(
        reverse("newsletter_signup"),
        {"email": "reader@example.org", "language": "en", "consent": "on"},
    )
    assert response.status_code == 503
    assert "Please try again in a few minutes" in response.text
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_messages_still_go_and_their_hourly_limit_still_holds_while_redis_is_down(
    client, approved_member, another_member, redis_down, settings
):
    """Messages are counted in the database, so Redis being down changes nothing."""
    settings.MEMBER_MESSAGES_PER_HOUR = 2
    client.force_login(approved_member)
    url = reverse("members:message", args=[another_member.profile.public_id])
    for _n in range(2):
        assert client.post(url, {"body": "Hello"}).status_code == 302
    response = client.post(url, {"body": "Hello again"})
    assert response.status_code == 200
    assert "try again later" in response.text
    assert Message.objects.count() == 2


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs Debian's redis-server")
def test_a_change_made_while_redis_was_down_is_seen_once_it_returns(
    client, settings, page_cache_on, programme, tmp_path
):
    """The change could not retire the cached pages (Redis was down); Redis comes back
    with its data, old version included. The first request raises the version."""
    port = free_port()
    command = [
        "redis-server",
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--dir", str(tmp_path),
        "--save", "",
        "--appendonly", "no",
    ]  # fmt: skip

    def start():
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed argv
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return server
            except OSError:
                time.sleep(0.05)
        server.kill()
        raise AssertionError("redis-server did not start")

    server = start()
    try:
        use_redis(settings, f"redis://127.0.0.1:{port}/0")
        assert client.get(programme.url)["X-Page-Cache"] == "miss"
        assert client.get(programme.url)["X-Page-Cache"] == "hit"
        # Stopped with its data on disk, as a restart or a crash after a save leaves it.
        redis.Redis(host="127.0.0.1", port=port).save()
        server.kill()
        server.wait()
        programme.title = "Speak Up Together"
        programme.save_revision().publish()
        while_down = client.get(programme.url)
        assert "Speak Up Together" in while_down.text
        server = start()
        assert client.get("/healthz").status_code == 200  # asks Redis, which answers
        after = client.get(programme.url)
        assert after.status_code == 200
        assert "Speak Up Together" in after.text
        assert "Speak Up, Lead Locally" not in after.text
    finally:
        server.kill()
        server.wait()
