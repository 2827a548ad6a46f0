"""Translations are reviewed like the pages they translate: wagtail-localize makes
drafts, and a translation goes live only when someone who may publish publishes it, or
through its page's workflow ("Story review" for stories).

wagtail-localize on its own publishes whenever it creates or syncs a translation of a
live page: "Translate" made a live page (still in the source language, its strings not
yet translated) that no moderator had seen, and "Sync translated pages → Publish
immediately" published every translation at once, for editors who may publish nothing.
The rule here is the same for every page: creating or syncing a translation never
publishes anything.

- Creating: `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` (settings) makes
  wagtail-localize's `TranslationCreator` save every new translation as a draft.
- Syncing: `DraftOnlyUpdateTranslationsView` replaces its "Update existing translations"
  view without the "Publish immediately" option; the new source text reaches the
  translation editor, and the pages stay as they are until published.
- Publishing: the translation editor's own "Publish" stays for people who may publish
  the page (wagtail-localize checks that); everyone else sends the translation to its
  page's workflow with `submit_translation_for_review`, and the workflow's approval
  publishes it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views.update_translations import UpdateTranslationsView


class DraftOnlyUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately"."""

    def get_form(self):
        form = super().get_form()
        publish = form.fields["publish_translations"]
        publish.disabled = True  # whatever is posted, the value stays False
        publish.widget = forms.HiddenInput()
        return form


def synced_translation(page) -> Translation | None:
    """The wagtail-localize translation that produces `page`, if it has one that is on."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def save_translation_draft(translation: Translation, page, user):
    """A new draft revision of `page` from the translation's current strings, leaving
    what readers see untouched.

    wagtail-localize's own `save_target(publish=False)` writes the translated content
    into the page's row before saving the revision, which for a live page changes the
    live page. Here the strings go into the latest draft in memory, and only a revision
    is saved (its validation applies, so a story without consent is refused)."""
    source = translation.source
    original = source.as_instance()
    draft = page.get_latest_revision_as_object()
    copy_synchronised_fields(original, draft)
    # The segments wagtail-localize itself ingests when it saves a translation, with
    # the source text where a string is not yet translated.
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, draft, source.locale, translation.target_locale, segments)
    return draft.save_revision(user=user, log_action=True)


def submit_translation_for_review(request, page_id):
    """Confirm, then save the translation as a draft and send it to its page's workflow
    (or back into it, if a reviewer asked for changes)."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = synced_translation(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise Http404
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or page.locked:
        raise PermissionDenied
    state = page.current_workflow_state
    if request.method == "POST":
        try:
            with transaction.atomic():
                save_translation_draft(translation, page, request.user)
                if state is None:
                    workflow.start(page, request.user)
                elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                    state.resume(request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        messages.success(
            request,
            _("“%(title)s” is waiting for review in “%(workflow)s”.")
            % {"title": page.get_admin_display_title(), "workflow": workflow.name},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "home/admin/submit_translation_for_review.html",
        {"page": page, "workflow": workflow, "in_review": state is not None},
    )
