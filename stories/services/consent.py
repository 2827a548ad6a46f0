"""Withdrawing a participant's consent: record it and take the story down at once."""

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from stories.models import StoryPage


@transaction.atomic
def withdraw_consent(story: StoryPage, *, user=None, on=None) -> StoryPage:
    """Record the withdrawal on the story and its latest draft, then unpublish it.

    The draft keeps the date too, so that publishing that draft later is refused.
    """
    on = on or timezone.localdate()
    draft = story.get_latest_revision_as_object()
    draft.consent_withdrawn_on = on
    draft.save_revision(user=user, log_action=True, clean=False)
    StoryPage.objects.filter(pk=story.pk).update(consent_withdrawn_on=on)
    story.refresh_from_db()
    if story.live:
        # Editors may take a story down even though only Moderators may publish.
        UnpublishPageAction(story, user=user, log_action=True).execute(skip_permission_checks=True)
    # A scheduled publication of an earlier draft must not happen either.
    story.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    return story
