"""The register: who came to each session, and the impact figures counted from it.

Sessions are copied per language by wagtail-localize; attendance always belongs to the
default-language session, so a register taken from any language counts once.

Figures must not run ahead of what happened: a register can be taken only for a session
that has begun (any session dated today counts as begun, so staff can open the register
at the door), and a session counts as delivered only once it has ended and has a
register. Session times are UK wall-clock times (`TIME_ZONE`).
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.l10n import format_date
from programmes.models import CohortMember, ProgrammeSession, SessionAttendance
from programmes.services import access


def source_session(session: ProgrammeSession) -> ProgrammeSession:
    if session.locale.language_code == _default_language():
        return session
    return (
        ProgrammeSession.objects.filter(
            translation_key=session.translation_key, locale__language_code=_default_language()
        ).first()
        or session
    )


def cohort_of(programme):
    return CohortMember.objects.filter(programme=programme).order_by("display_name", "pk")


def recorded(session: ProgrammeSession) -> dict[int, bool]:
    """Cohort member id → present, for the members already on this session's register."""
    return dict(
        SessionAttendance.objects.filter(session=session).values_list("cohort_member_id", "present")
    )


class RegisterTooEarly(Exception):
    """A register was asked for a session that has not begun; nothing was saved."""

    def __init__(self, session: ProgrammeSession):
        self.session = session
        super().__init__(
            _("This session has not begun yet: its register opens on %(day)s.")
            % {"day": format_date(session.date)}
        )


def register_opens(session: ProgrammeSession, today=None) -> bool:
    """True from the session's day on: a session dated today may be registered."""
    return session.date <= (today or timezone.localdate())


@transaction.atomic
def take_register(session: ProgrammeSession, present_ids: set[int], members, *, by):
    """Store present or absent for every cohort member, replacing earlier marks.

    Raises RegisterTooEarly, saving nothing, for a session that has not begun.
    """
    if not register_opens(session):
        raise RegisterTooEarly(session)
    existing = {
        row.cohort_member_id: row for row in SessionAttendance.objects.filter(session=session)
    }
    to_create, to_update = [], []
    for member in members:
        present = member.pk in present_ids
        row = existing.get(member.pk)
        if row is None:
            to_create.append(
                SessionAttendance(
                    session=session, cohort_member=member, present=present, recorded_by=by
                )
            )
        elif row.present != present:
            row.present, row.recorded_by = present, by
            to_update.append(row)
    SessionAttendance.objects.bulk_create(to_create)
    SessionAttendance.objects.bulk_update(to_update, ["present", "recorded_by"])
    access.record(
        session.page, access.REGISTER_TAKEN, by, session=session.pk, present=len(present_ids)
    )


def _in_period(queryset, field: str, start, end):
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def ended_q(prefix: str = "", now=None) -> Q:
    """Sessions that have ended by `now`: an earlier day, or today and past their end."""
    now = timezone.localtime(now)
    return Q(**{f"{prefix}date__lt": now.date()}) | Q(
        **{f"{prefix}date": now.date(), f"{prefix}end_time__lte": now.time()}
    )


def begun_q(prefix: str = "", now=None) -> Q:
    """Sessions that have begun by `now`: an earlier day, or today and past their start."""
    now = timezone.localtime(now)
    return Q(**{f"{prefix}date__lt": now.date()}) | Q(
        **{f"{prefix}date": now.date(), f"{prefix}start_time__lte": now.time()}
    )


def count_sessions_delivered(programme, start=None, end=None) -> int:
    """Sessions of the programme that have ended and whose register was taken, dated
    within the period. A register taken by mistake for a later session never counts."""
    sessions = (
        ProgrammeSession.objects.filter(page_id=programme.pk)
        .filter(ended_q())
        .filter(Exists(SessionAttendance.objects.filter(session=OuterRef("pk"))))
    )
    return _in_period(sessions, "date", start, end).count()


def count_participants_attended(programme, start=None, end=None) -> int:
    """Distinct cohort members marked present at least once at a session in the period
    that has begun."""
    present = _in_period(
        SessionAttendance.objects.filter(
            present=True, session__page_id=programme.pk, cohort_member__programme_id=programme.pk
        ).filter(begun_q("session__")),
        "session__date",
        start,
        end,
    )
    return present.values("cohort_member_id").distinct().count()


def _default_language() -> str:
    from django.conf import settings

    return settings.LANGUAGE_CODE
