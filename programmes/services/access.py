"""Who may see a programme's applications, cohort and register, and the audit trail of
every look at them (Wagtail's own log, with actions registered in wagtail_hooks)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.log_actions import log

from programmes.models import ProgrammeAccess, ProgrammePage

VIEWED_LIST = "programmes.applications.list"
VIEWED = "programmes.application.view"
EXPORTED = "programmes.applications.export"
STATUS_CHANGED = "programmes.application.status"
REGISTER_TAKEN = "programmes.register.taken"


def can_review(user, programme) -> bool:
    """Superusers, and active staff a superuser gave access to this programme."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not user.is_staff:
        return False
    return ProgrammeAccess.objects.filter(user=user, programme_id=programme.pk).exists()


def reviewers_of(programme):
    """The accounts `can_review` lets see this programme's applications, as one query:
    active superusers, and active staff a superuser gave access to it."""
    access = Q(is_staff=True, programme_access__programme_id=programme.pk)
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | access, is_active=True)
        .distinct()
        .order_by("pk")
    )


def reviewable_programmes(user):
    """Default-language programmes whose applications `user` may see."""
    programmes = ProgrammePage.objects.filter(locale__language_code=_default_language())
    if user.is_superuser:
        return programmes
    if not user.is_staff:
        return programmes.none()
    return programmes.filter(staff_access__user=user)


def record(instance, action: str, user, **data):
    """Write one audit entry; `data` holds counts and filters, never personal details."""
    log(instance=instance, action=action, user=user, data=data or None)


def _default_language() -> str:
    from django.conf import settings

    return settings.LANGUAGE_CODE
