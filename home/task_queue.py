"""How far behind the task queue is, for /healthz (issue 16 §3).

With the worker down, requests still succeed and their tasks (emails above all) wait in
the queue; what tells an operator is the age of the oldest task that could run and has
not: waiting since it was enqueued, or since its retry became due. Past
`TASKS_LATE_AFTER_SECONDS` the queue is "late".
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_BACKEND = "django_tasks_rq.RQBackend"


def queue_kind() -> str | None:
    """ "database" or "rq" for a durable queue that a worker drains; None otherwise
    (no TASKS, or the immediate backend of the tests that ask for it)."""
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND")
    return {DATABASE_BACKEND: "database", RQ_BACKEND: "rq"}.get(backend)


def oldest_waiting_seconds() -> float | None:
    """Seconds the oldest due task has waited; None when no task waits. Raises the
    queue's own error when the queue cannot be read (the caller reports it failing)."""
    kind = queue_kind()
    if kind == "database":
        waiting_since = _oldest_due_in_database()
    elif kind == "rq":
        waiting_since = _oldest_due_in_rq()
    else:
        return None
    if waiting_since is None:
        return None
    return max((timezone.now() - waiting_since).total_seconds(), 0.0)


def _oldest_due_in_database() -> datetime | None:
    """One query. A task without a `run_after` is stored with the largest date
    (django-tasks-db's convention) and waits from `enqueued_at`; one with a due
    `run_after` (a retry after its backoff) waits from then."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    no_run_after = Q(run_after=get_date_max())
    # ready(): status READY and due now.
    oldest = DBTaskResult.objects.ready().aggregate(
        enqueued=Min("enqueued_at", filter=no_run_after),
        due=Min("run_after", filter=~no_run_after),
    )
    times = [moment for moment in oldest.values() if moment is not None]
    return min(times) if times else None


def _oldest_due_in_rq() -> datetime | None:
    import django_rq

    queue = django_rq.get_queue("default")
    job_ids = queue.get_job_ids(0, 0)
    if not job_ids:
        return None
    job = queue.fetch_job(job_ids[0])
    if job is None or job.enqueued_at is None:
        return None
    enqueued = job.enqueued_at
    return enqueued if timezone.is_aware(enqueued) else enqueued.replace(tzinfo=UTC)
