"""The newsletter screen on a newsletter story in the admin: preview it in each
language, send a test to oneself, send it now or at a time, and follow each send.

Only staff with the "Can send newsletters" permission (stories.send_newsletter) reach
it; what they do is in Wagtail's audit log (stories/services/newsletter.py).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.http import site_url
from stories.forms.newsletter import SendForm, TestSendForm
from stories.models import NewsletterSend, StoryKind, StoryPage
from stories.services import newsletter as service

SEND_PERMISSION = "stories.send_newsletter"


def can_send_newsletters(user) -> bool:
    return user.has_perm(SEND_PERMISSION)


def _newsletter(request, page_id) -> StoryPage:
    if not can_send_newsletters(request.user):
        raise PermissionDenied
    page = get_object_or_404(StoryPage, pk=page_id, kind=StoryKind.NEWSLETTER)
    return service.source_newsletter(page)


def _languages(newsletter) -> list[dict]:
    """Each site language, and whether the story is live in it (else the source goes)."""
    live = set(
        newsletter.get_translations(inclusive=True)
        .live()
        .values_list("locale__language_code", flat=True)
    )
    return [
        {"code": code, "name": name, "translated": code in live}
        for code, name in settings.LANGUAGES
    ]


def _preview_link(newsletter, language: str) -> str:
    return site_url(reverse("newsletter_signup"))


@require_http_methods(["GET"])
def newsletter(request, page_id):
    """The screen: previews, the test form, the send form and the sends so far."""
    newsletter = _newsletter(request, page_id)
    return _render(request, newsletter, TestSendForm(initial={"language": "en"}), _send_form())


def _send_form(data=None):
    return SendForm(data, members_available=service.member_readers_available())


def _render(request, newsletter, test_form, send_form, status=200):
    language = request.GET.get("language") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    preview = service.render_newsletter(newsletter, language, _preview_link(newsletter, language))
    sends = list(NewsletterSend.objects.filter(newsletter=newsletter).select_related("created_by"))
    return TemplateResponse(
        request,
        "stories/admin/newsletter/send.html",
        {
            "newsletter": newsletter,
            "languages": _languages(newsletter),
            "language": language,
            "preview": preview,
            "test_form": test_form,
            "send_form": send_form,
            "sends": sends,
            "live": newsletter.live,
        },
        status=status,
    )


@require_GET
def preview(request, page_id, language, part):
    """The email itself as a reader of `language` gets it: HTML or the text part."""
    newsletter = _newsletter(request, page_id)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    rendered = service.render_newsletter(newsletter, language, _preview_link(newsletter, language))
    if part == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html, content_type="text/html; charset=utf-8")


@require_POST
def test_send(request, page_id):
    newsletter = _newsletter(request, page_id)
    form = TestSendForm(request.POST)
    if not form.is_valid() or not request.user.email:
        return _render(request, newsletter, form, _send_form(), status=400)
    service.send_test(newsletter, request.user, form.cleaned_data["language"])
    messages.success(
        request,
        _("A test email is on its way to %(email)s.") % {"email": request.user.email},
    )
    return redirect(reverse("stories_newsletter", args=[newsletter.pk]))


@require_POST
def send(request, page_id):
    newsletter = _newsletter(request, page_id)
    form = _send_form(request.POST)
    if not newsletter.live:
        form.is_valid()
        form.add_error(None, _("Publish the newsletter before sending it."))
    if not form.is_valid():
        return _render(request, newsletter, TestSendForm(initial={"language": "en"}), form, 400)
    data = form.cleaned_data
    send = service.create_send(
        newsletter,
        audience=data["audience"],
        language=data.get("language") or "",
        include_members=data.get("include_members", False),
        scheduled_at=data.get("scheduled_at"),
        user=request.user,
    )
    if data.get("scheduled_at"):
        messages.success(request, _("The newsletter is scheduled."))
    else:
        messages.success(request, _("The newsletter is being sent."))
    return redirect(reverse("stories_newsletter_progress", args=[newsletter.pk, send.pk]))


@require_http_methods(["GET", "POST"])
def progress(request, page_id, send_id):
    """One send's counts, as they are now; a scheduled send can be cancelled here."""
    newsletter = _newsletter(request, page_id)
    send = get_object_or_404(NewsletterSend, pk=send_id, newsletter=newsletter)
    if request.method == "POST":
        if service.cancel_send(send, request.user):
            messages.success(request, _("The scheduled send is cancelled."))
        return redirect(reverse("stories_newsletter_progress", args=[newsletter.pk, send.pk]))
    service.refresh_counts(send)
    send.refresh_from_db()
    return TemplateResponse(
        request,
        "stories/admin/newsletter/progress.html",
        {"newsletter": newsletter, "send": send},
    )
