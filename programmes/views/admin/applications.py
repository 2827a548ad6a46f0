"""Staff views in the Wagtail admin: applications per programme (list, detail, bulk
status, CSV export) and the attendance register per session.

Open only to superusers and staff given access to that programme; every look at
applications is written to Wagtail's audit log.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.http import private_response
from programmes.forms.pages import AttendanceForm
from programmes.models import Application, ProgrammeSession, SelectionStatus
from programmes.services import access, applications, attendance
from programmes.services.pages import reviewable_programme


@private_response
def programme_list(request):
    """The programmes whose applications this person may see, with counts by status."""
    programmes = (
        access.reviewable_programmes(request.user)
        .annotate(application_count=Count("applications"))
        .order_by("-start_date", "title")
    )
    return TemplateResponse(
        request, "programmes/admin/programme_list.html", {"programmes": programmes}
    )


@private_response
def application_list(request, programme_id):
    programme = reviewable_programme(request.user, programme_id)
    status = request.GET.get("status", "")
    if status not in SelectionStatus.values:
        status = ""
    if request.method == "POST":
        new_status = request.POST.get("new_status", "")
        ids = [int(pk) for pk in request.POST.getlist("selected") if pk.isdigit()]
        if new_status in SelectionStatus.values and ids:
            chosen = Application.objects.filter(programme=programme, pk__in=ids)
            changed = applications.change_status(chosen, new_status, by=request.user)
            messages.success(
                request,
                _("%(count)s applications changed to “%(status)s”.")
                % {"count": changed, "status": SelectionStatus(new_status).label},
            )
        else:
            messages.error(request, _("Choose applications and a new status."))
        return redirect(request.get_full_path())
    rows = Application.objects.filter(programme=programme).order_by("submitted_at", "pk")
    if status:
        rows = rows.filter(status=status)
    if request.GET.get("format") == "csv":
        rows = list(rows)
        access.record(programme, access.EXPORTED, request.user, count=len(rows), status=status)
        response = HttpResponse(
            applications.applications_csv(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="applications-{programme.slug}.csv"'
        )
        return response
    rows = list(rows)
    access.record(programme, access.VIEWED_LIST, request.user, count=len(rows), status=status)
    counts = dict(
        Application.objects.filter(programme=programme)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return TemplateResponse(
        request,
        "programmes/admin/application_list.html",
        {
            "programme": programme,
            "applications": rows,
            "status": status,
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in SelectionStatus.choices
            ],
            "status_choices": SelectionStatus.choices,
        },
    )


@private_response
def application_detail(request, pk):
    application = get_object_or_404(Application.objects.select_related("programme"), pk=pk)
    programme = reviewable_programme(request.user, application.programme_id)
    if request.method == "POST":
        application.notes = request.POST.get("notes", "")[:5000]
        application.save(update_fields=["notes"])
        new_status = request.POST.get("status", "")
        if new_status in SelectionStatus.values:
            applications.change_status([application], new_status, by=request.user)
        messages.success(request, _("Application saved."))
        return redirect("programmes_admin:application", pk=application.pk)
    access.record(application, access.VIEWED, request.user)
    return TemplateResponse(
        request,
        "programmes/admin/application_detail.html",
        {
            "programme": programme,
            "application": application,
            "status_choices": SelectionStatus.choices,
        },
    )


@private_response
def register_sessions(request, programme_id):
    """The programme's sessions, each with a link to its register."""
    programme = reviewable_programme(request.user, programme_id)
    sessions = list(
        ProgrammeSession.objects.filter(page=programme)
        .annotate(marked=Count("attendance"))
        .order_by("date", "start_time")
    )
    for session in sessions:
        session.register_opens = attendance.register_opens(session)
    return TemplateResponse(
        request,
        "programmes/admin/register_sessions.html",
        {
            "programme": programme,
            "sessions": sessions,
            "cohort_size": attendance.cohort_of(programme).count(),
        },
    )


@private_response
def register(request, session_id):
    """One form for the whole cohort at one session, with big targets for a phone."""
    session = get_object_or_404(ProgrammeSession, pk=session_id)
    session = attendance.source_session(session)
    programme = reviewable_programme(request.user, session.page_id)
    members = list(attendance.cohort_of(programme))
    form = AttendanceForm(
        request.POST or None, members=members, recorded=attendance.recorded(session)
    )
    too_early = None
    if not attendance.register_opens(session):
        too_early = str(attendance.RegisterTooEarly(session))
    elif request.method == "POST" and form.is_valid():
        try:
            attendance.take_register(session, form.present_ids(), members, by=request.user)
        except attendance.RegisterTooEarly as refusal:  # the day turned while the form was open
            too_early = str(refusal)
        else:
            messages.success(request, _("Register saved."))
            return redirect("programmes_admin:register", session_id=session.pk)
    return TemplateResponse(
        request,
        "programmes/admin/register.html",
        {"programme": programme, "session": session, "form": form, "too_early": too_early},
        status=400 if too_early and request.method == "POST" else 200,
    )
