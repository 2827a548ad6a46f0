"""Stories members send from the member area.

A submission becomes a draft participant story under the default-language story index,
with the consent the member chose, and goes into the "Story review" workflow so that
moderators see it among their tasks. The story stays linked to the member only while
their account exists: when they delete it, drafts go and published stories stay under
"a former member". Called by the member-area views, the signals and the demo.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import linebreaks, strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Locale, Workflow, WorkflowState
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from members.services.notify import email_member
from members.services.photos import reencode_photo
from stories.models import ConsentScope, StoryIndexPage, StoryKind, StoryPage
from stories.signals import STORY_REVIEW_WORKFLOW

FORMER_MEMBER = gettext_lazy("A former member")
INTRODUCTION_LENGTH = 300

# What a member may agree to, in their words; the values are the story's consent scopes.
CONSENT_CHOICES = [
    (ConsentScope.NAME_AND_PHOTO, gettext_lazy("Show my display name, and a photo of me")),
    (ConsentScope.NAME, gettext_lazy("Show my display name, but no photo of me")),
    (ConsentScope.ANONYMOUS, gettext_lazy("Publish it anonymously")),
]
NAMING_SCOPES = {ConsentScope.NAME_AND_PHOTO, ConsentScope.NAME}


class NoStoryIndex(Exception):
    """The site has no story index yet, so there is nowhere to put a submission."""


def default_story_index() -> StoryIndexPage:
    index = (
        StoryIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        or StoryIndexPage.objects.order_by("path").first()
    )
    if index is None:
        raise NoStoryIndex
    return index


@transaction.atomic
def submit_story(
    user,
    *,
    title: str,
    text: str,
    consent: str,
    photo=None,
    photo_alt: str = "",
    photo_shows_me: bool = False,
) -> StoryPage:
    """Create the member's story as a draft and start its review.

    `photo` is an uploaded file; it is re-encoded here (metadata removed) whoever calls.
    """
    index = default_story_index()
    today = timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        consent_note = _("Given by the member in the member area with the story.")
    story = StoryPage(
        title=title,
        slug=find_available_slug(index, slugify(title, allow_unicode=True)[:200] or "story"),
        locale_id=index.locale_id,
        kind=StoryKind.STORY,
        date=today,
        introduction=Truncator(" ".join(text.split())).chars(INTRODUCTION_LENGTH),
        body=[("paragraph", RichText(linebreaks(text.strip(), autoescape=True)))],
        author_name=user.profile.display_name if consent in NAMING_SCOPES else "",
        consent_scope=consent,
        consent_given_on=today,
        consent_note=consent_note,
        submitted_by=user,
        live=False,
        has_unpublished_changes=True,
    )
    if photo is not None:
        story.lead_image = _store_photo(photo, user)
        story.lead_image_alt = photo_alt
        story.lead_image_shows_participant = photo_shows_me
    index.add_child(instance=story)
    # An anonymous story names no submitter anywhere editors look (page history, the
    # workflow, reports): only `submitted_by`, which no panel shows, keeps the link.
    acting_user = None if consent == ConsentScope.ANONYMOUS else user
    story.save_revision(user=acting_user, log_action=True)
    _quiet_admin_notifications(user)
    workflow = (
        story.get_workflow()
        or Workflow.objects.filter(name=STORY_REVIEW_WORKFLOW, active=True).first()
    )
    if workflow is not None:
        workflow.start(story, acting_user)
    return story


def _store_photo(photo, user):
    """A clean copy of the member's photo as a Wagtail image with a random file name."""
    clean = reencode_photo(photo)
    image = get_image_model()(
        title=_("Photo sent with a member's story"),
        file=ImageFile(clean, name=f"{uuid.uuid4().hex}.jpg"),
        uploaded_by_user=user,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _quiet_admin_notifications(user):
    """Members are told about their stories by the member area's own emails, in their
    language; Wagtail's editor notifications (with admin links) are not for them."""
    preferences = UserProfile.get_for_user(user)
    preferences.submitted_notifications = False
    preferences.approved_notifications = False
    preferences.rejected_notifications = False
    preferences.updated_comments_notifications = False
    preferences.save()


# What the member sees --------------------------------------------------------------


@dataclass
class Submission:
    """One of the member's stories, with the state they can understand."""

    story: StoryPage
    state: str
    label: str
    url: str = ""


def submissions_of(user, request=None) -> list[Submission]:
    """The member's stories, newest first, each with its state in the review."""
    stories = list(StoryPage.objects.filter(submitted_by=user).order_by("-pk"))
    latest_workflow = {}
    states = WorkflowState.objects.filter(
        base_content_type=StoryPage().get_base_content_type(),
        object_id__in=[str(story.pk) for story in stories],
    ).order_by("created_at", "pk")
    for workflow_state in states:
        latest_workflow[workflow_state.object_id] = workflow_state.status
    return [_submission(story, latest_workflow.get(str(story.pk)), request) for story in stories]


def _submission(story, workflow_status, request) -> Submission:
    if story.live:
        return Submission(story, "published", _("Published"), story.get_url(request) or "")
    if story.consent_withdrawn_on:
        return Submission(story, "withdrawn", _("Not published: consent withdrawn"))
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return Submission(story, "in_review", _("In review"))
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Submission(story, "changes_requested", _("Changes requested or not accepted"))
    if workflow_status == WorkflowState.STATUS_APPROVED:
        return Submission(story, "approved", _("Approved, to be published soon"))
    return Submission(story, "draft", _("With the editors"))


def export_submissions(user) -> list[dict]:
    """The member's stories for their data download."""
    return [
        {
            "title": item.story.title,
            "introduction": item.story.introduction,
            "text": "\n\n".join(
                strip_tags(str(block.value)).strip()
                for block in item.story.body
                if block.block_type == "paragraph"
            ),
            "author_name": item.story.author_name,
            "photo": item.story.lead_image.file.name if item.story.lead_image else None,
            "photo_alt": item.story.lead_image_alt,
            "consent": item.story.consent_scope,
            "consent_given_on": (
                item.story.consent_given_on.isoformat() if item.story.consent_given_on else None
            ),
            "state": item.state,
            "url": item.url or None,
        }
        for item in submissions_of(user)
    ]


# When a story is published, and when its member leaves --------------------------------


def tell_member_published(story: StoryPage):
    """Email the member the first time their story goes live."""
    if not story.submitted_by_id or story.first_published_at != story.last_published_at:
        return
    member = story.submitted_by
    email_member(
        member,
        "story_published",
        {
            "profile": getattr(member, "profile", None),
            "story_title": story.title,
            "story_url": story.get_full_url(),
        },
    )


@transaction.atomic
def forget_submitter(user):
    """Before an account is deleted: delete the member's unpublished stories, and keep
    published ones under "a former member", with no link, name or photo of them left
    in the page, its translations or any of their revisions."""
    for story in StoryPage.objects.filter(submitted_by=user):
        family = StoryPage.objects.filter(translation_key=story.translation_key)
        for page in family:
            if page.live:
                _anonymise(page, user)
            else:
                page.delete()
    Image = get_image_model()
    for image in Image.objects.filter(uploaded_by_user=user):
        if not StoryPage.objects.filter(lead_image=image).exists():
            image.delete()


def _anonymise(page: StoryPage, user):
    with translation.override(page.locale.language_code):
        former_member = str(FORMER_MEMBER)
    changes = {"author_name": former_member, "submitted_by": None}
    if page.consent_scope in NAMING_SCOPES:
        changes["consent_scope"] = ConsentScope.ANONYMOUS
    photo = page.lead_image
    if photo is not None and (
        page.lead_image_shows_participant or photo.uploaded_by_user_id == user.pk
    ):
        # A photo of the member, or one they sent, is theirs: it goes with them.
        changes.update(lead_image=None, lead_image_alt="", lead_image_shows_participant=False)
    else:
        photo = None
    for name, value in changes.items():
        setattr(page, name, value)
    page.save()
    for revision in page.revisions.all():
        revision.content.update(changes)
        revision.save(update_fields=["content"])
    if photo is not None and not StoryPage.objects.filter(lead_image=photo).exists():
        photo.delete()
