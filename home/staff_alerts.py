"""Telling staff that something waits for their decision: a new member to approve, a
proposed event, a report, a new application. The app that owns the thing decides who
may decide on it and calls

    alert("members.pending_member", audience_users, {"admin_path": "/admin/members/pending/"})

after it saved the thing. Each person in `audience_users` (accounts; a queryset is read
once) gets an email in their own language (`staff_language`), queued through
home/emails.py like every other email, or, when they chose the daily summary on their
Wagtail account ("Account" → "Staff alerts"), a `PendingStaffAlert` row that
`manage.py send_staff_summary` (`send_summaries` below) gathers into one email a day.
Inactive accounts and accounts without an address get nothing.

A kind is "<app>.<name>" and has two templates in that app:
- `<app>/emails/alerts/<name>.html`, the email of one alert: it extends
  "emails/base.html" (home/emails.py) and receives the alert's context;
- `<app>/emails/alerts/<name>_summary.html`, its part of the daily summary: a fragment
  that receives `alerts` (the contexts of that kind, oldest first) and `count`.

The context is stored for the summary, so it holds JSON values only, and it names no
one: titles of what waits, and admin paths (relative, such as "/admin/members/pending/";
templates put `base_url` before them). Who is concerned is for staff to see in the admin,
where their permissions and second factor apply. Nothing here imports another app.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant

from home.emails import recipient_language, send_email
from home.models import AlertDelivery, PendingStaffAlert, StaffAlertPreference

SUMMARY_TEMPLATE = "emails/staff_summary.html"


def alert_template(kind: str, *, summary: bool = False) -> str:
    """The template of one alert of `kind`, or of its part of the daily summary."""
    app, _dot, name = kind.partition(".")
    if not (app and name):
        raise ValueError(f"A staff alert kind is '<app>.<name>', not {kind!r}.")
    return f"{app}/emails/alerts/{name}{'_summary' if summary else ''}.html"


def staff_language(user) -> str:
    """The language a member of staff reads: the one chosen for the admin on their
    Wagtail account when the site speaks it, else their member profile's, else the
    site's default."""
    try:
        chosen = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:
        chosen = ""
    if chosen:
        try:
            return get_supported_content_language_variant(chosen)
        except LookupError:
            pass  # an admin language the site's pages and emails are not written in
    return recipient_language(user, settings.LANGUAGE_CODE)


def wants_summary(user) -> bool:
    try:
        return user.staff_alert_preference.delivery == AlertDelivery.DAILY
    except ObjectDoesNotExist:
        return False


def alert(kind: str, audience_users: Iterable, context: dict | None = None) -> int:
    """Tell everyone in `audience_users` of one thing of `kind` waiting for them (see the
    module's docstring). Returns how many people were told or will be in a summary."""
    context = dict(context or {})
    template = alert_template(kind)
    if hasattr(audience_users, "select_related"):
        audience_users = audience_users.select_related(
            "wagtail_userprofile", "staff_alert_preference"
        )
    kept = []
    told = 0
    for user in audience_users:
        if not (user.is_active and user.email):
            continue
        told += 1
        if wants_summary(user):
            kept.append(PendingStaffAlert(user=user, kind=kind, context=context))
        else:
            send_email(
                user.email,
                template,
                {**context, "kind": kind},
                language=staff_language(user),
                account=user,
            )
    if kept:
        PendingStaffAlert.objects.bulk_create(kept)
    return told


# The daily summary ---------------------------------------------------------------------


def summary_sections(alerts: list[PendingStaffAlert]) -> list[dict]:
    """The alerts of one person by kind, in the order each kind first appeared."""
    sections: dict[str, dict] = {}
    for item in alerts:
        section = sections.setdefault(
            item.kind,
            {"kind": item.kind, "template": alert_template(item.kind, summary=True), "alerts": []},
        )
        section["alerts"].append(item.context)
    for section in sections.values():
        section["count"] = len(section["alerts"])
    return list(sections.values())


def send_summaries(now=None) -> int:
    """One email to each member of staff with alerts waiting: everything since their
    last summary, by kind; then those alerts are deleted. Returns how many emails were
    queued. A second run, or a second worker at once, sends no one the same alerts
    twice (the email's batch is the newest alert it carries)."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    waiting = PendingStaffAlert.objects.values_list("user_id", flat=True).distinct()
    people = (
        get_user_model()
        .objects.filter(pk__in=waiting)
        .select_related("wagtail_userprofile", "staff_alert_preference")
    )
    sent = 0
    for user in people.order_by("pk"):
        sent += _send_summary(user, now)
    return sent


@transaction.atomic
def _send_summary(user, now) -> int:
    alerts = list(PendingStaffAlert.objects.select_for_update().filter(user=user))
    if not alerts:
        return 0  # another run took them meanwhile
    PendingStaffAlert.objects.filter(pk__in=[item.pk for item in alerts]).delete()
    if not (user.is_active and user.email):
        return 0
    queued = send_email(
        user.email,
        SUMMARY_TEMPLATE,
        {"sections": summary_sections(alerts), "count": len(alerts)},
        language=staff_language(user),
        account=user,
        batch=f"staff-summary:{alerts[-1].pk}",
    )
    StaffAlertPreference.objects.update_or_create(user=user, defaults={"last_summary_at": now})
    return int(queued is not None)
