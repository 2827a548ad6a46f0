"""The "Impact" dashboard in the Wagtail admin and its CSV export for funder reports.

Open to staff who can edit programmes (Wagtail's page permissions); each sees the
programmes they may edit. Numbers of computed figures are counted on every request.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.http import make_private
from home.spreadsheets import csv_writer
from programmes.services.impact import editable_programmes, impact_report

# A cell a spreadsheet would read as a formula is written as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _programmes_for(request):
    programmes = editable_programmes(request.user)
    chosen = request.GET.get("programme")
    if chosen:
        programmes = programmes.filter(pk=chosen if chosen.isascii() and chosen.isdigit() else None)
    return programmes


def impact_dashboard(request):
    """Per programme: each figure delivered against target, with a chart."""
    programmes = editable_programmes(request.user)
    reports = impact_report(programmes)
    if not reports:
        raise PermissionDenied
    return make_private(
        render(request, "programmes/admin/impact_dashboard.html", {"reports": reports})
    )


def impact_csv(request):
    """The dashboard as CSV, one row per figure; `?programme=<id>` for one programme."""
    if not editable_programmes(request.user).exists():
        raise PermissionDenied
    reports = impact_report(_programmes_for(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="impact.csv"'
    make_private(response)
    writer = csv_writer(response)
    writer.writerow(
        [
            _("Programme"),
            _("Figure"),
            _("Counted from"),
            _("First day"),
            _("Last day"),
            _("Delivered"),
            _("Target"),
            _("Percentage of target"),
            _("Unit"),
            _("Where the figure comes from"),
        ]
    )
    for report in reports:
        for line in report.lines:
            writer.writerow(
                [
                    _cell(report.programme.title),
                    _cell(line.label),
                    _cell(line.source_label),
                    line.start.isoformat() if line.start else "",
                    line.end.isoformat() if line.end else "",
                    "" if line.delivered is None else line.delivered,
                    "" if line.target is None else line.target,
                    "" if line.percent is None else line.percent,
                    _cell(line.unit),
                    _cell(line.provenance),
                ]
            )
    return response
