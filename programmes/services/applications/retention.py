"""The CSV export for staff and the purge of applications kept past their time."""

import calendar
import io
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from home.spreadsheets import csv_writer
from programmes.models import (
    Application,
    MonitoringResponse,
    ProgrammePage,
)
from programmes.services import monitoring

# Export and retention -----------------------------------------------------------------

CSV_HEADER = [
    "id",
    "submitted_at",
    "status",
    "name",
    "email",
    "phone",
    "home_area",
    "languages",
    "form_language",
]


def applications_csv(applications) -> str:
    """One row per application with every answer in its own column, questions in the
    order first met."""
    applications = list(applications)
    questions: list[str] = []
    for application in applications:
        for item in application.answers:
            if item["question"] not in questions:
                questions.append(item["question"])
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_HEADER + questions + ["notes"])
    for application in applications:
        answers = {item["question"]: item["answer"] for item in application.answers}
        writer.writerow(
            [
                application.pk,
                timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M"),
                application.status,
                application.name,
                application.email,
                application.phone,
                application.home_area,
                application.languages,
                application.language,
            ]
            + [str(answers.get(question, "")) for question in questions]
            + [application.notes]
        )
    return out.getvalue()


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def purge_expired(today: date | None = None, months: int | None = None) -> int:
    """Delete applications of programmes that ended `months` months ago or more.

    A programme ending on 31 March with 6 months keeps its applications until
    30 September and loses them on 1 October. Its equality monitoring answers go with
    them. Cohort members stay (without the
    application), so the register and impact figures keep their history.
    """
    today = today or timezone.localdate()
    months = settings.APPLICATION_RETENTION_MONTHS if months is None else months
    with_applications = ProgrammePage.objects.filter(
        Q(pk__in=Application.objects.values("programme_id"))
        | Q(pk__in=MonitoringResponse.objects.values("programme_id"))
    ).only("pk", "end_date")
    expired = [
        programme.pk
        for programme in with_applications
        if add_months(programme.end_date, months) < today
    ]
    # Equality monitoring answers follow the same rule (kept apart, deleted together).
    monitoring.purge_for(expired)
    _total, by_model = Application.objects.filter(programme_id__in=expired).delete()
    return by_model.get(Application._meta.label, 0)
