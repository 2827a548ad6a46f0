"""Background tasks of the programmes app (Django's task framework, `django-tasks`)."""

from django_tasks import task


@task()
def send_assessment_invitation(invitation_id: int):
    """Email one participant their personal self-assessment link (made in the task, so
    the link itself is never in the task queue; its outgoing email is erased once sent)."""
    from programmes.services.assessments import send_invitation

    send_invitation(invitation_id)
