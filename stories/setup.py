"""The story section a new site starts with (the `setup_site` step; load_demo adds the
demo stories under it), reviewed with the "Story review" workflow."""

from wagtail.models import Locale, Workflow, WorkflowPage

from stories.models import StoryIndexPage
from stories.signals import STORY_REVIEW_WORKFLOW


def ensure_story_index(run) -> StoryIndexPage:
    """The story index under the home page, in the default language, with the story
    review workflow (stories/migrations/0002_story_review_workflow.py makes it; a new
    index gains it from stories/signals.py, an older one here)."""
    index = StoryIndexPage.objects.child_of(run.home_page).first()
    if index is None:
        index = StoryIndexPage(
            title="Stories",
            slug="stories",
            locale=Locale.get_default(),
            show_in_menus=True,
            introduction="<p>Participants, mentors and organisers on what changed for them. "
            "Every participant agreed to how their story is told.</p>",
            search_description="Stories, news and newsletters from the Active Citizens Network.",
        )
        run.home_page.add_child(instance=index)
        index.save_revision().publish()
        run.note("story index")
    workflow = Workflow.objects.filter(name=STORY_REVIEW_WORKFLOW, active=True).first()
    if workflow is not None and not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=workflow)
        run.note(f"{STORY_REVIEW_WORKFLOW} workflow on the story index")
    return index
