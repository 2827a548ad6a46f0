"""Public newsletter pages: sign up, confirm, unsubscribe (one click, also by POST)."""

from django import forms
from django.conf import settings
from django.core.cache import cache
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

SIGNUPS_PER_HOUR = 5


class NewsletterSignupForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the newsletter by email and know I can unsubscribe at any time."
        )
    )


def _over_limit(request) -> bool:
    """At most a few sign-ups an hour from one address, so the form cannot spam anyone.
    While the cache does not answer (Redis down, home/cache.py) nothing can be counted,
    so every sign-up is refused until it does."""
    key = f"newsletter-signup:{client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        if cache_is_failing():
            return True
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > SIGNUPS_PER_HOUR


@require_http_methods(["GET", "POST"])
def signup_view(request):
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
            newsletter.request_subscription(
                form.cleaned_data["email"], form.cleaned_data["language"]
            )
            return redirect(reverse("newsletter_signup") + "?sent=1")
    return TemplateResponse(
        request,
        "stories/newsletter/signup.html",
        {"form": form, "sent": request.GET.get("sent") == "1"},
    )


def confirm_view(request, token):
    subscriber = newsletter.confirm(token)
    return TemplateResponse(
        request,
        "stories/newsletter/message.html",
        {"state": "confirmed" if subscriber else "unknown", "subscriber": subscriber},
        status=200 if subscriber else 404,
    )


@csrf_exempt  # RFC 8058: mail apps POST "List-Unsubscribe=One-Click" without a token form
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    subscriber = newsletter.unsubscribe(token)
    return TemplateResponse(
        request,
        "stories/newsletter/message.html",
        {"state": "unsubscribed" if subscriber else "unknown", "subscriber": subscriber},
        status=200 if subscriber else 404,
    )
