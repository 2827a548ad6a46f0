"""Withdrawing a participant's consent: record it and take the story down at once, in
every language it was published in."""

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import WorkflowState

from stories.models import StoryPage


@transaction.atomic
def withdraw_consent(story: StoryPage, *, user=None, on=None) -> StoryPage:
    """Record the withdrawal on the story and on each of its translations (and their
    latest drafts), unpublish every one of them, and stop anything that would publish
    one later: a scheduled publication or a review in progress.

    A translation is the participant's story too, with their name and often their
    photo, so it goes down with the original; the date on each version and on its
    draft is what makes publishing any of them again refused (`StoryPage.clean`).
    Returns `story`, refreshed.
    """
    on = on or timezone.localdate()
    versions = list(StoryPage.objects.filter(translation_key=story.translation_key).order_by("pk"))
    for version in versions:
        _withdraw_version(version, on=on, user=user)
    _refresh_translation_source(story)
    story.refresh_from_db()
    return story


def _withdraw_version(version: StoryPage, *, on, user) -> None:
    if not version.alias_of_id:  # an alias has no drafts: it mirrors its original
        draft = version.get_latest_revision_as_object()
        draft.consent_withdrawn_on = on
        draft.save_revision(user=user, log_action=True, clean=False)
    StoryPage.objects.filter(pk=version.pk).update(consent_withdrawn_on=on)
    version.refresh_from_db()
    if version.live:
        # Editors may take a story down even though only Moderators may publish.
        UnpublishPageAction(version, user=user, log_action=True).execute(
            skip_permission_checks=True
        )
    # A scheduled publication of an earlier draft must not happen either...
    version.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    # ...nor a moderator's approval of a review that was under way.
    for state in WorkflowState.objects.active().for_instance(version):
        state.cancel(user=user)


def _refresh_translation_source(story: StoryPage) -> None:
    """wagtail-localize copies synchronised fields from its snapshot of the original:
    refresh the snapshot, so that a later "Sync translated pages" carries the date too."""
    from wagtail_localize.models import TranslationSource

    for source in TranslationSource.objects.filter(object_id=story.translation_key):
        source.update_from_db()
