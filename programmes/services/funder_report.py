"""The funder report of one programme: figures against targets with their sources and
periods, the chart, attendance by session, the skills change, the monitoring
aggregates and the programme's published stories.

One function builds it (`funder_report`) for the admin page, the print view and the
CSV and XLSX exports alike, so all four say the same. Nothing in it names a person.
"""

import io
import re
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.related import ProgrammeStory, programme_stories
from home.spreadsheets import csv_writer, safe_cell
from programmes.models import ProgrammePage, ProgrammeSession
from programmes.services import assessments, attendance, monitoring
from programmes.services.impact import ProgrammeImpact, impact_report

REPORT_EXPORTED = "programmes.impact.report_exported"


@dataclass(frozen=True)
class SessionLine:
    session: ProgrammeSession
    status: str
    present: int
    marked: int


@dataclass
class FunderReport:
    programme: ProgrammePage
    impact: ProgrammeImpact
    sessions: list[SessionLine] = field(default_factory=list)
    cohort_size: int = 0
    changes: list = field(default_factory=list)
    monitoring: list = field(default_factory=list)
    monitoring_total: int = 0
    stories: list[ProgrammeStory] = field(default_factory=list)
    generated_at: object = None


def _session_lines(programme) -> list[SessionLine]:
    now = timezone.now()
    sessions = (
        ProgrammeSession.objects.filter(page_id=programme.pk)
        .annotate(
            marked=Count("attendance"),
            present=Count("attendance", filter=Q(attendance__present=True)),
        )
        .order_by("date", "start_time", "pk")
    )
    lines = []
    for session in sessions:
        if session.ends_at <= now and session.marked:
            status = _("Delivered")
        elif session.ends_at <= now:
            status = _("Register not taken")
        elif session.starts_at <= now:
            status = _("Under way")
        else:
            status = _("Not begun yet")
        lines.append(
            SessionLine(
                session=session, status=status, present=session.present, marked=session.marked
            )
        )
    return lines


def funder_report(programme: ProgrammePage) -> FunderReport:
    """Everything a funder is sent about one programme (its default-language page)."""
    monitoring_tables = monitoring.monitoring_tables(programme)
    return FunderReport(
        programme=programme,
        impact=impact_report([programme])[0],
        sessions=_session_lines(programme),
        cohort_size=attendance.cohort_of(programme).count(),
        changes=assessments.skill_changes(programme),
        monitoring=monitoring_tables,
        monitoring_total=monitoring_tables[0].total if monitoring_tables else 0,
        stories=programme_stories(programme),
        generated_at=timezone.localtime(),
    )


# Exports -----------------------------------------------------------------------------

# MERGE: home/spreadsheets.py (the shared formula-safe CSV/XLSX writer)


def _safe(value):
    """Numbers stay numbers; text a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return safe_cell(str(value))


def report_sections(report: FunderReport) -> list[tuple[str, list[str], list[list]]]:
    """(section title, header, rows) for the spreadsheets, in the page's order."""
    figures = [
        [
            line.label,
            line.delivered,
            line.target,
            line.percent,
            line.unit,
            line.source_label,
            line.start.isoformat() if line.start else "",
            line.end.isoformat() if line.end else "",
            line.provenance,
        ]
        for line in report.impact.lines
    ]
    sessions = [
        [
            line.session.date.isoformat(),
            f"{line.session.start_time:%H:%M}–{line.session.end_time:%H:%M}",
            line.session.title,
            line.status,
            line.present,
            line.marked,
        ]
        for line in report.sessions
    ]
    skills = [
        [
            line.skill.name,
            line.answered_start,
            line.answered_end,
            line.change.answered_both,
            line.change.median_change if line.change.shown else _("not shown"),
            line.change.share_up if line.change.shown else _("not shown"),
        ]
        for line in report.changes
    ]
    monitoring_rows = []
    for table in report.monitoring:
        if table.withheld:
            monitoring_rows.append([table.question, _("all answers"), _("not shown")])
            continue
        for cell in table.cells:
            monitoring_rows.append(
                [table.question, cell.label, cell.count if cell.shown else cell.display]
            )
        monitoring_rows.append([table.question, _("Total"), table.total])
    stories = [
        [story.published.isoformat(), story.title, story.kind, story.url]
        for story in report.stories
    ]
    return [
        (
            _("Figures against targets"),
            [
                _("Figure"),
                _("Delivered"),
                _("Target"),
                _("Percentage of target"),
                _("Unit"),
                _("Counted from"),
                _("First day"),
                _("Last day"),
                _("Where the figure comes from"),
            ],
            figures,
        ),
        (
            _("Attendance by session"),
            [_("Date"), _("Time"), _("Session"), _("Status"), _("Present"), _("On the register")],
            sessions,
        ),
        (
            _("Skills before and after"),
            [
                _("Skill"),
                _("Answered at the start"),
                _("Answered at the end"),
                _("Answered both"),
                _("Median change"),
                _("Share who moved up (%)"),
            ],
            skills,
        ),
        (_("Equality monitoring"), [_("Question"), _("Answer"), _("People")], monitoring_rows),
        (_("Published stories"), [_("Date"), _("Title"), _("Kind"), _("Address")], stories),
    ]


def report_csv(report: FunderReport) -> str:
    """The report as one CSV: each section under its title, separated by a blank row."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([_safe(report.programme.title)])
    for title, header, rows in report_sections(report):
        writer.writerow([])
        writer.writerow([_safe(title)])
        writer.writerow(header)
        for row in rows:
            writer.writerow([_safe(value) for value in row])
    return out.getvalue()


def report_xlsx(report: FunderReport) -> bytes:
    """The report as a workbook: one sheet per section, header row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in report_sections(report):
        sheet = workbook.create_sheet(title=re.sub(r"[\\/*?:\[\]]", " ", title)[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(value) for value in row])
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
