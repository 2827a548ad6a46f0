"""Pages participants open without signing in: the skills self-assessment through
their personal link, and the equality monitoring form offered after applying.

Both are private (never cached, never indexed) and send no referrer, so neither the
link nor the page leaks to another site.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from home.http import make_private
from programmes.forms.participants import MonitoringForm, SkillAssessmentForm
from programmes.services import applications, assessments
from programmes.services import monitoring as equality_monitoring
from programmes.services.pages import public_programme_at


def _private(response):
    return make_private(response, no_referrer=True)


@require_http_methods(["GET", "POST"])
def skill_assessment(request, token):
    """The personal link in the self-assessment email: for that person and round only.
    A second answer replaces the first until the round closes."""
    try:
        invitation = assessments.find_invitation(token)
    except assessments.InvitationInvalid:
        return _private(
            TemplateResponse(request, "programmes/assessment_invalid.html", {}, status=404)
        )
    round = invitation.round
    programme = round.programme.localized
    context = {"programme": programme, "round": round}
    if not round.is_open():
        return _private(
            TemplateResponse(request, "programmes/assessment_closed.html", context, status=410)
        )
    skills = list(round.skills.order_by("name"))
    if request.method == "POST" and request.POST.get("action") == "remove":
        assessments.remove_answers(invitation)
        return redirect(f"{request.path}?removed=1")
    form = SkillAssessmentForm(
        request.POST or None, skills=skills, initial_ratings=assessments.own_answers(invitation)
    )
    if request.method == "POST" and form.is_valid():
        answered = assessments.submit(invitation, form.ratings())
        return redirect(f"{request.path}?saved={answered}")
    saved = request.GET.get("saved", "")
    context.update(
        form=form,
        saved=int(saved) if saved.isdigit() else None,
        removed=request.GET.get("removed") == "1",
    )
    return _private(TemplateResponse(request, "programmes/assessment.html", context))


@require_http_methods(["GET", "POST"])
def monitoring(request, path):
    """`<programme url>apply/monitoring/`: the optional equality monitoring form, offered
    once in the applicant's own browser session right after they applied."""
    page = public_programme_at(request, path)
    if page is None or not page.applications_on_site:
        raise Http404
    programme = applications.source_programme(page)
    context = {"page": page}
    if request.GET.get("done") in {"sent", "declined"}:
        context["done"] = request.GET["done"]
        return _private(TemplateResponse(request, "programmes/monitoring.html", context))
    if not equality_monitoring.is_offered(request, programme):
        return _private(
            TemplateResponse(request, "programmes/monitoring_unavailable.html", context, status=403)
        )
    if request.method == "POST" and request.POST.get("action") == "decline":
        equality_monitoring.withdraw_offer(request, programme)
        return redirect(f"{request.path}?done=declined")
    form = MonitoringForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        equality_monitoring.record(programme, form.cleaned_data)
        equality_monitoring.withdraw_offer(request, programme)
        return redirect(f"{request.path}?done=sent")
    context["form"] = form
    return _private(TemplateResponse(request, "programmes/monitoring.html", context))
