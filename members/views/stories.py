"""A member's own stories: sending one to the editors and following where each is."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from members.decorators import approved_members_only
from members.forms.stories import StorySubmissionForm
from members.services import story_submission


@approved_members_only
def submit_story(request):
    """Share your story: it goes to the editors as a draft, to publish with the consent
    the member gives here."""
    form = StorySubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            story_submission.submit_story(
                request.user,
                title=data["title"],
                text=data["text"],
                consent=data["consent"],
                photo=data["photo"],
                photo_alt=data["photo_alt"],
                photo_shows_me=data["photo_shows_me"],
            )
        except story_submission.NoStoryIndex:
            form.add_error(None, _("Stories cannot be sent yet. Please try again later."))
        else:
            messages.success(
                request, _("Thank you. Your story is with the editors; we will email you.")
            )
            return redirect("members:my_stories")
    return render(request, "members/story_form.html", {"form": form})


@approved_members_only
def my_stories(request):
    """The stories I sent and where each one is: in review, sent back, or published."""
    return render(
        request,
        "members/my_stories.html",
        {"submissions": story_submission.submissions_of(request.user, request)},
    )
