"""The newsletter in the member area: an approved member's own yes/no at
/members/me/newsletter/, and the stop link in the footer of each newsletter a member
receives, which works without signing in.

Following the stop link changes nothing: it opens a page with a button, and only its
POST (the button, or a mail app's RFC 8058 one-click POST) turns the newsletter off,
so that mail scanners which fetch every link stop nobody's newsletter.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members.decorators import approved_members_only, private_page
from members.forms.newsletter import NewsletterChoiceForm
from members.services import newsletter


@approved_members_only
@require_http_methods(["GET", "POST"])
def newsletter_settings(request):
    """Say yes or no to the newsletter, and in which language."""
    choice = newsletter.choice_of(request.user)
    form = NewsletterChoiceForm(request.POST if request.method == "POST" else None, instance=choice)
    if request.method == "POST" and form.is_valid():
        form.save()
        if form.instance.wanted:
            messages.success(request, _("Saved. The next newsletter will reach you by email."))
        else:
            messages.success(request, _("Saved. You will not receive the newsletter."))
        return redirect("members:newsletter")
    return render(request, "members/newsletter/settings.html", {"form": form})


@csrf_exempt  # RFC 8058: mail apps POST "List-Unsubscribe=One-Click" without a form token
@private_page
@require_http_methods(["GET", "POST"])
def newsletter_stop(request, token):
    """GET shows a button; a POST stops the newsletter for the member the link names."""
    if request.method == "GET":
        choice, state = newsletter.find_by_token(token), "confirm"
    else:
        choice, state = newsletter.stop(token), "stopped"
    return render(
        request,
        "members/newsletter/stop.html",
        {"state": state if choice else "unknown"},
        status=200 if choice else 404,
    )
