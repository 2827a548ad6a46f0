"""Background tasks of the shared ground (Django's task framework, `django-tasks`)."""

from django_tasks import task


@task()
def deliver_email(email_id: int) -> str:
    """Send one queued email; a failure schedules the next attempt (home/emails/)."""
    from home.emails import deliver

    return deliver(email_id)
