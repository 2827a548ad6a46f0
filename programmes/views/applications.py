"""Views that sit beside Wagtail's page serving."""

from allauth.core import ratelimit
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from home.http import make_private
from home.ical import ICS_TYPE
from programmes import calendar as programme_ical
from programmes.forms.pages import ApplicationForm
from programmes.models import ProgrammePage
from programmes.services import applications, monitoring
from programmes.services.pages import public_programme_at
from programmes.status import ApplicationStatus as ProgrammeStatus


def programme_calendar(request, path):
    """`<programme url>calendar.ics`: the programme's schedule for calendar apps.

    Wagtail's page URLs cannot end in a file name, so this view routes the path
    the way Wagtail does and answers only for live, public programme pages.
    """
    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page = route[0]
    if not isinstance(page, ProgrammePage) or page.get_view_restrictions().exists():
        raise Http404
    body = programme_ical.programme_calendar(page, domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type=ICS_TYPE)
    filename = f"{slugify(page.slug) or 'programme'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def apply(request, path):
    """`<programme url>apply/`: the programme's own application form.

    Any other page whose address ends in `apply/` is served by Wagtail as usual.
    """
    page = public_programme_at(request, path)
    if page is None:
        # Wagtail caches the route on the request; the full path must be routed afresh.
        del request._wagtail_route_for_request
        return wagtail_serve(request, path + "apply/")
    if not page.applications_on_site:
        raise Http404
    language = translation.get_language() or settings.LANGUAGE_CODE
    questions = list(page.application_questions.all())
    context = {"page": page, "questions": questions}
    if not page.is_accepting_applications:
        context["not_yet_open"] = page.application_status == ProgrammeStatus.UPCOMING
        return make_private(
            TemplateResponse(request, "programmes/apply_closed.html", context, status=410)
        )
    if request.method == "POST":
        form = ApplicationForm(request.POST, questions=questions)
        if form.is_spam:
            # Robots are told it worked and nothing is saved or sent.
            return redirect(f"{page.apply_form_url}?sent=1")
        if not ratelimit.consume(
            request, action="programme_application", key=request.POST.get("email", "")
        ):
            return ratelimit.respond_429(request)
        if form.is_valid():
            try:
                applications.submit(
                    page, form.cleaned_data, questions, user=request.user, language=language
                )
            except applications.ApplicationRefused:
                return make_private(
                    TemplateResponse(request, "programmes/apply_closed.html", context, status=410)
                )
            monitoring.offer(request, applications.source_programme(page))
            return redirect(f"{page.apply_form_url}?sent=1")
    else:
        form = ApplicationForm(initial=_prefill(request.user), questions=questions)
    sent = request.GET.get("sent") == "1"
    context.update(form=form, sent=sent)
    if sent and monitoring.is_offered(request, applications.source_programme(page)):
        context["monitoring_url"] = f"{page.apply_form_url}monitoring/"
    return make_private(TemplateResponse(request, "programmes/apply.html", context))


def _prefill(user) -> dict:
    """What the signed-in person's account already says, so they type it only once."""
    if not user.is_authenticated:
        return {}
    initial = {"email": user.email, "name": user.get_full_name()}
    profile = getattr(user, "profile", None)
    if profile is not None:
        initial["name"] = getattr(profile, "display_name", "") or initial["name"]
        initial["home_area"] = getattr(profile, "home_area", "")
        spoken = getattr(profile, "languages", None)
        if spoken is not None:
            initial["languages"] = ", ".join(str(language) for language in spoken.all())
    return initial


@require_http_methods(["GET", "POST"])
def offer(request, token):
    """The link in an offer email: see the offer, then accept or decline it (POST only,
    so that mail scanners following links cannot answer for the person)."""
    try:
        application = applications.find_offer(token)
    except applications.OfferInvalid:
        return make_private(
            TemplateResponse(request, "programmes/offer_invalid.html", {}, status=404)
        )
    programme = application.programme.localized
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                member = applications.accept_offer(token)
                return make_private(
                    TemplateResponse(
                        request,
                        "programmes/offer_answered.html",
                        {"programme": programme, "accepted": True, "member": member},
                    )
                )
            if decision == "decline":
                applications.decline_offer(token)
                return make_private(
                    TemplateResponse(
                        request,
                        "programmes/offer_answered.html",
                        {"programme": programme, "accepted": False},
                    )
                )
        except applications.OfferInvalid:
            return make_private(
                TemplateResponse(request, "programmes/offer_invalid.html", {}, status=404)
            )
    return make_private(
        TemplateResponse(
            request,
            "programmes/offer.html",
            {"programme": programme, "application": application},
        )
    )
