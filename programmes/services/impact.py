"""The impact report for staff and funders: every programme's figures against target.

Used by the "Impact" dashboard in the Wagtail admin and by its CSV export, so both
say the same. Only default-language programmes are listed (a translation has the same
numbers), and only those the staff member may edit. Counting goes through
`home.impact.count_figures`, one call per source for all programmes at once.
"""

from dataclasses import dataclass, field
from datetime import date

from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.charts import OutcomeChart, outcome_chart
from home.impact import count_figures
from home.plurals import unit_for
from programmes.models import ProgrammeOutcomeFigure, ProgrammePage


@dataclass
class FigureLine:
    """One figure of one programme, as a funder report needs it."""

    figure: ProgrammeOutcomeFigure
    start: date | None
    end: date | None

    @property
    def label(self) -> str:
        return self.figure.label

    @property
    def source_label(self) -> str:
        return self.figure.source_label

    @property
    def provenance(self) -> str:
        """ "Counted from this site, 1 Oct 2015 – 30 Sep 2017", as the public page says."""
        return self.figure.provenance

    @property
    def live(self) -> bool:
        return self.figure.is_computed

    @property
    def delivered(self) -> int | None:
        return self.figure.delivered_count

    @property
    def target(self) -> int | None:
        return self.figure.target

    @property
    def unit(self) -> str:
        """The unit in the form that follows the number delivered ("1 session")."""
        number = self.delivered if self.delivered is not None else self.target
        return unit_for(number, self.figure.unit, self.figure.unit_language())

    @property
    def percent(self) -> int | None:
        if not self.target or self.delivered is None:
            return None
        return round(self.delivered * 100 / self.target)


@dataclass
class ProgrammeImpact:
    """A programme with its figures and their chart."""

    programme: ProgrammePage
    lines: list[FigureLine] = field(default_factory=list)

    @property
    def chart(self) -> OutcomeChart:
        return outcome_chart([line.figure for line in self.lines])


def editable_programmes(user):
    """Default-language programme pages the user may edit, newest first."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return ProgrammePage.objects.filter(
        pk__in=pages.values("pk"), locale=Locale.get_default()
    ).order_by("-start_date", "title")


def can_view_impact(user) -> bool:
    """Staff who can edit at least one programme see the dashboard."""
    return bool(user.is_authenticated and editable_programmes(user).exists())


def impact_report(programmes) -> list[ProgrammeImpact]:
    """Every programme's figures, computed ones counted now, in a fixed number of queries."""
    programmes = list(programmes)
    reports = {programme.pk: ProgrammeImpact(programme=programme) for programme in programmes}
    figures = ProgrammeOutcomeFigure.objects.filter(page__in=list(reports)).order_by(
        "page_id", "sort_order", "pk"
    )
    pairs = []
    for figure in figures:
        programme = reports[figure.page_id].programme
        figure.page = programme
        pairs.append((figure, programme))
    count_figures(pairs)
    for figure, programme in pairs:
        start, end = figure.period_for(programme)
        reports[programme.pk].lines.append(FigureLine(figure=figure, start=start, end=end))
    return [reports[programme.pk] for programme in programmes]
