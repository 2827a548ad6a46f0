"""Public newsletter pages: sign up, confirm, unsubscribe.

Following a link changes nothing: the confirmation and unsubscribe links open a page
with a button, and only its POST acts, so that mail scanners which fetch every link
neither subscribe nor unsubscribe anyone. RFC 8058's one-click POST (from the
List-Unsubscribe-Post header) still unsubscribes at once.

Sign-ups are limited per client address and per email address, in the `shared` cache
that every worker reads, so the form cannot be used to flood one inbox.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.cache import cache_is_failing
from home.client_address import client_address
from home.views import rate_limited
from stories.services import newsletter

SIGNUPS_PER_HOUR = 5  # from one client address
SIGNUPS_PER_EMAIL_PER_HOUR = 3  # confirmation emails to one email address


class NewsletterSignupForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the newsletter by email and know I can unsubscribe at any time."
        )
    )


def _count(key: str) -> int | None:
    """One more use of `key` this hour, counted in the cache every worker shares; None
    while that cache does not answer (Redis down, home/cache.py): nothing can be counted."""
    cache = caches["shared"]
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache is failing
        if cache_is_failing("shared"):
            return None
        cache.set(key, 1, timeout=3600)
        return 1


def _over_limit(request) -> bool:
    """At most a few sign-ups an hour from one client address; while nothing can be
    counted, every sign-up is refused until the cache answers again."""
    count = _count(f"newsletter-signup:{client_address(request)}")
    return count is None or count > SIGNUPS_PER_HOUR


def _address_over_limit(email: str) -> bool:
    """At most a few confirmation emails an hour to one address, from anywhere."""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    count = _count(f"newsletter-signup-email:{digest}")
    return count is None or count > SIGNUPS_PER_EMAIL_PER_HOUR


@require_http_methods(["GET", "POST"])
def signup(request):
    """Ask for the newsletter; the same reply whatever the address's state."""
    form = NewsletterSignupForm(request.POST or None, initial={"language": "en"})
    if request.method == "POST":
        if _over_limit(request):
            if cache_is_failing():
                return rate_limited(request)
            return TemplateResponse(
                request,
                "stories/newsletter/signup.html",
                {"form": form, "limited": True},
                status=429,
            )
        if form.is_valid():
            # Over the per-address limit the reply is the same, and nothing is sent.
            if not _address_over_limit(form.cleaned_data["email"]):
                newsletter.request_subscription(
                    form.cleaned_data["email"], form.cleaned_data["language"]
                )
            return redirect(reverse("newsletter_signup") + "?sent=1")
    return TemplateResponse(
        request,
        "stories/newsletter/signup.html",
        {"form": form, "sent": request.GET.get("sent") == "1"},
    )


def _message(request, state, subscriber):
    return TemplateResponse(
        request,
        "stories/newsletter/message.html",
        {"state": state if subscriber else "unknown", "subscriber": subscriber},
        status=200 if subscriber else 404,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; its POST confirms the subscription."""
    if request.method == "GET":
        return _message(request, "confirm", newsletter.find(token))
    return _message(request, "confirmed", newsletter.confirm(token))


@csrf_exempt  # RFC 8058: mail apps POST "List-Unsubscribe=One-Click" without a token form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button; a POST (the button, or a mail app's one click) unsubscribes."""
    if request.method == "GET":
        return _message(request, "unsubscribe", newsletter.find(token))
    return _message(request, "unsubscribed", newsletter.unsubscribe(token))
