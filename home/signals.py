"""Raise the content version whenever something a visitor could see changes.

One number for the whole site: any publish, unpublish, move or deletion of a page, a
change to a snippet, the site settings, an image, a member's profile or an event
retires the site frame and every cached anonymous page at once (home/frame.py,
home/page_cache.py). Coarse on purpose: it is always correct, and editors publish a
few times a day while readers ask thousands of times.

Models that hold nothing a page shows (sessions, audit trails, messages, delivery
records, renditions) are left out, so that signing in or sending mail does not empty
the cache. Apps name them in `PAGE_CACHE_IGNORED_MODELS`.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.frame import bump_content_version

# Apps whose models can change what a page shows.
WATCHED_APPS = {
    "home",
    "programmes",
    "stories",
    "members",
    "wagtailcore",
    "wagtailimages",
    "taggit",
}
# wagtailcore and wagtailimages models that never change what a visitor sees.
ALWAYS_IGNORED = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.groupapprovaltask",
    "wagtailimages.rendition",
}


def _is_watched(model) -> bool:
    label = model._meta.label_lower
    if model._meta.app_label not in WATCHED_APPS or label in ALWAYS_IGNORED:
        return False
    return label not in {name.lower() for name in settings.PAGE_CACHE_IGNORED_MODELS}


def content_changed(sender, **kwargs):
    if sender is None or _is_watched(sender):
        bump_content_version()


def page_changed(sender, **kwargs):
    bump_content_version()


def connect():
    post_save.connect(content_changed, dispatch_uid="acn-content-saved")
    post_delete.connect(content_changed, dispatch_uid="acn-content-deleted")
    page_published.connect(page_changed, dispatch_uid="acn-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="acn-page-unpublished")
    post_page_move.connect(page_changed, dispatch_uid="acn-page-moved")
    connect_vocabulary()


def connect_vocabulary():
    """Each skill and topic keeps a translatable name row in the default language."""
    from home.models import Skill, Topic
    from home.vocabulary import keep_source_name

    for model in (Skill, Topic):
        post_save.connect(
            keep_source_name, sender=model, dispatch_uid=f"acn-source-name-{model.__name__}"
        )
