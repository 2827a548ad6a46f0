"""The funder report of one programme in the Wagtail admin, printable to PDF from the
browser and exported as CSV and XLSX; every export is written to the audit log.

Open to the staff who may see that programme's impact: the impact dashboard's rule
(Wagtail permission to edit the programme page).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify

from home.http import make_private
from home.i18n import default_locale_version
from programmes.models import ProgrammePage
from programmes.services import access
from programmes.services import funder_report as funder_reports
from programmes.services.funder_report import REPORT_EXPORTED, funder_report
from programmes.services.impact import editable_programmes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_programme(request, programme_id) -> ProgrammePage:
    page = get_object_or_404(ProgrammePage, pk=programme_id)
    programme = default_locale_version(page)
    if not editable_programmes(request.user).filter(pk=programme.pk).exists():
        raise PermissionDenied
    return programme


def report(request, programme_id):
    """The whole report on one page; the browser's "Print" makes the PDF."""
    programme = _report_programme(request, programme_id)
    if programme.pk != programme_id:
        return redirect("programmes_impact:report", programme_id=programme.pk)
    return make_private(
        TemplateResponse(
            request,
            "programmes/admin/funder_report.html",
            {"report": funder_report(programme)},
        )
    )


def _filename(programme, extension):
    name = slugify(programme.slug) or programme.pk
    return f'attachment; filename="funder-report-{name}.{extension}"'


def report_csv(request, programme_id):
    programme = _report_programme(request, programme_id)
    body = funder_reports.report_csv(funder_report(programme))
    access.record(programme, REPORT_EXPORTED, request.user, format="csv")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _filename(programme, "csv")
    return make_private(response)


def report_xlsx(request, programme_id):
    programme = _report_programme(request, programme_id)
    body = funder_reports.report_xlsx(funder_report(programme))
    access.record(programme, REPORT_EXPORTED, request.user, format="xlsx")
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = _filename(programme, "xlsx")
    return make_private(response)
