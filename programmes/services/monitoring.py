"""Equality monitoring: offering the form after applying, storing answers apart from
the application, counting them with small numbers suppressed, and deleting them with
the programme's applications.

The offer lives in the applicant's own session (a list of programme ids), set when an
application is saved and removed when they answer or decline; nothing in it or in
the stored answers links back to the application.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from programmes.models import MonitoringResponse
from programmes.models.monitoring import (
    ETHNIC_GROUPS,
    ETHNIC_HIGH_LEVEL,
    PREFER_NOT,
    PREFER_NOT_LABEL,
    AgeBand,
    BirthRegion,
    Disability,
    Gender,
)
from programmes.services.suppression import HIDDEN, SMALL, WITHHELD, suppress

SESSION_KEY = "monitoring_offers"
NOT_ANSWERED = _("Not answered")


def offer(request, programme):
    """After an application is saved: the applicant may answer once for this programme."""
    offers = set(request.session.get(SESSION_KEY, []))
    offers.add(programme.pk)
    request.session[SESSION_KEY] = sorted(offers)


def is_offered(request, programme) -> bool:
    return programme.pk in request.session.get(SESSION_KEY, [])


def withdraw_offer(request, programme):
    request.session[SESSION_KEY] = [
        pk for pk in request.session.get(SESSION_KEY, []) if pk != programme.pk
    ]


def record(programme, answers: dict) -> MonitoringResponse:
    """Store one response for the programme (its default-language page), nothing else."""
    return MonitoringResponse.objects.create(
        programme=programme,
        **{name: answers.get(name) or "" for name, _label, _options in QUESTIONS},
    )


def purge_for(programme_ids) -> int:
    """Delete the responses of programmes whose applications the retention rule deletes."""
    _total, by_model = MonitoringResponse.objects.filter(programme_id__in=programme_ids).delete()
    return by_model.get(MonitoringResponse._meta.label, 0)


# Aggregates --------------------------------------------------------------------------

ETHNIC_HIGH_LEVEL_CHOICES = [(key, label) for key, label, _options in ETHNIC_GROUPS] + [
    (PREFER_NOT, PREFER_NOT_LABEL)
]

# field, question as reports name it, categories counted (value, label)
QUESTIONS = [
    ("age_band", _("Age band"), AgeBand.choices),
    ("gender", _("Gender"), Gender.choices),
    ("ethnic_group", _("Ethnic group (ONS 2021 groups)"), ETHNIC_HIGH_LEVEL_CHOICES),
    ("disability", _("Disability (Equality Act 2010)"), Disability.choices),
    ("birth_region", _("Country of birth (world region)"), BirthRegion.choices),
]


@dataclass(frozen=True)
class MonitoringCell:
    label: str
    count: int
    state: str

    @property
    def display(self) -> str:
        """What a report shows: the number, or why not."""
        if self.state == SMALL:
            return str(_("fewer than 5"))
        if self.state in (HIDDEN, WITHHELD):
            return str(_("not shown"))
        return str(self.count)

    @property
    def shown(self) -> bool:
        return self.state not in (SMALL, HIDDEN, WITHHELD)


@dataclass(frozen=True)
class MonitoringTable:
    question: str
    total: int
    cells: list[MonitoringCell] = field(default_factory=list)
    withheld: bool = False


def monitoring_tables(programme) -> list[MonitoringTable]:
    """One table per question for the programme, counted in one query, suppressed."""
    names = [name for name, _label, _options in QUESTIONS]
    rows = list(
        MonitoringResponse.objects.filter(programme_id=programme.pk).order_by().values_list(*names)
    )
    tables = []
    for position, (name, question, options) in enumerate(QUESTIONS):
        values = [row[position] for row in rows]
        if name == "ethnic_group":
            values = [ETHNIC_HIGH_LEVEL.get(value, value) for value in values]
        categories = [(value, label) for value, label in options] + [("", NOT_ANSWERED)]
        counts = [sum(1 for value in values if value == key) for key, _label in categories]
        result = suppress(counts)
        tables.append(
            MonitoringTable(
                question=str(question),
                total=len(rows),
                cells=[
                    MonitoringCell(label=str(label), count=count, state=state)
                    for (_key, label), count, state in zip(
                        categories, counts, result.states, strict=True
                    )
                ],
                withheld=result.withheld,
            )
        )
    return tables


def response_count(programme) -> int:
    return MonitoringResponse.objects.filter(programme_id=programme.pk).count()
