"""Admin views for stories that Wagtail does not provide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from home.spreadsheets import csv_writer
from stories.models import StoryPage
from stories.services import consent


def withdraw_consent(request, page_id):
    """Confirm, then record that a participant withdrew consent and unpublish the story
    with every translation of it.

    Anyone who may edit the story may do this: taking a story down must never wait
    for a moderator.
    """
    story = get_object_or_404(StoryPage, pk=page_id)
    if not story.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        consent.withdraw_consent(story, user=request.user)
        messages.success(
            request,
            _("Consent withdrawal recorded; “%(title)s” is no longer published in any language.")
            % {"title": story.title},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    return TemplateResponse(request, "stories/admin/withdraw_consent.html", {"story": story})


def export_subscribers(request):
    """Confirmed subscribers as CSV, for staff who may view subscribers."""

    from django.http import HttpResponse

    from stories.models import Subscriber, SubscriberStatus

    if not request.user.has_perm("stories.view_subscriber"):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="confirmed-subscribers.csv"'
    writer = csv_writer(response)
    writer.writerow(["email", "language", "confirmed_at"])
    confirmed = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).order_by("email")
    for subscriber in confirmed.iterator():
        writer.writerow(
            [
                subscriber.email,
                subscriber.language,
                subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
            ]
        )
    return response
