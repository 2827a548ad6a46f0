"""/healthz tells a load balancer whether this app server can serve, and nothing more."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path
from django.utils import timezone
from django_tasks import task

import home.views


def test_healthz_is_ok_when_the_database_answers(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_not_locale_redirected(client, db):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert "Content-Language" not in response or response.request["PATH_INFO"] == "/healthz"


def test_healthz_answers_503_without_details_when_the_database_fails(client, db, monkeypatch):
    class UnreachableDatabase:
        def cursor(self):
            raise OperationalError("connection to server at 10.0.0.9 failed: password=hunter2")

    monkeypatch.setattr(home.views, "connection", UnreachableDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "failing"}}
    assert "10.0.0.9" not in response.text
    assert "hunter2" not in response.text


def test_healthz_checks_the_shared_cache_when_one_is_configured(
    client, db, settings, monkeypatch, database_queue
):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "tasks": "ok"}

    def broken_set(*args, **kwargs):
        raise ConnectionError("redis://secret@10.0.0.8 refused")

    monkeypatch.setattr(home.views.cache, "set", broken_set)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failing", "tasks": "ok"}
    assert "secret" not in response.text


def database_down_view(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [path("needs-database/", database_down_view)]
handler500 = "home.views.server_error"


@pytest.fixture
def raising_client(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


def test_a_database_outage_is_a_friendly_503_in_the_readers_language(raising_client, db):
    response = raising_client.get("/needs-database/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The site is briefly unavailable" in response.text
    assert "OperationalError" not in response.text
    assert "server closed" not in response.text
    assert "no-cache" in response["Cache-Control"]


# The worker down (issue 16 §3): requests still succeed, tasks wait in the queue, and
# /healthz says how long the oldest due task has waited. Nothing runs the queue here.
@task()
def wait_in_the_queue():
    """A task no worker runs during these tests."""


def _enqueue_waiting(seconds_ago, run_after=None):
    from django_tasks_db.models import DBTaskResult

    pending = wait_in_the_queue.using(run_after=run_after) if run_after else wait_in_the_queue
    result = pending.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=seconds_ago)
    )


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_LATE_AFTER_SECONDS = 300


def test_healthz_says_tasks_ok_when_no_task_waits(client, db, database_queue):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "tasks": "ok"}
    assert response.json()["oldest_waiting_task_seconds"] == 0


def test_healthz_says_tasks_late_once_a_task_waited_past_the_threshold(client, db, database_queue):
    _enqueue_waiting(seconds_ago=60)
    body = client.get("/healthz").json()
    assert body["checks"]["tasks"] == "ok"
    assert 55 <= body["oldest_waiting_task_seconds"] <= 120

    _enqueue_waiting(seconds_ago=600)
    response = client.get("/healthz")
    # Reported, not a 503: this app server still serves; only the emails are late.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"] == {"database": "ok", "tasks": "late"}
    assert response.json()["oldest_waiting_task_seconds"] >= 600


def test_a_retry_that_is_not_due_yet_is_not_waiting(client, db, database_queue, settings):
    _enqueue_waiting(seconds_ago=3600, run_after=timezone.now() + timedelta(minutes=5))
    assert client.get("/healthz").json()["checks"]["tasks"] == "ok"
    settings.TASKS_LATE_AFTER_SECONDS = 10
    _enqueue_waiting(seconds_ago=30)
    assert client.get("/healthz").json()["checks"]["tasks"] == "late"
