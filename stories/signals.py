"""Every story index page is reviewed with the "Story review" workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage

from stories.models import StoryIndexPage

STORY_REVIEW_WORKFLOW = "Story review"


@receiver(post_save, sender=StoryIndexPage)
def assign_story_review(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    workflow = Workflow.objects.filter(name=STORY_REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})
