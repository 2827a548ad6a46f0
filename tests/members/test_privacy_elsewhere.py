"""Profiles that are hidden or for members only never reach the public parts of the site:
the sitemap, the story feeds and the site search, even when the member sent a story."""

import pytest
from django.urls import reverse

from tests.members.factories import ProfileFactory, submit_member_story

DISPLAY_NAME = "Zephyrine Quillfeather"


@pytest.fixture
def private_profile(request, story_index):
    """A hidden or members-only profile whose member sent a story, published anonymously."""
    profile = ProfileFactory(
        display_name=DISPLAY_NAME, visibility=request.param, bio="Zephyrine loves allotments"
    )
    story = submit_member_story(
        profile.user, title="Allotments and neighbours", consent="anonymous"
    )
    story.get_latest_revision().publish()
    return profile


def public_responses(client, story_index):
    feeds = story_index.feed_urls()
    yield "sitemap", client.get(reverse("sitemap"))
    yield "rss", client.get(feeds["rss"])
    yield "atom", client.get(feeds["atom"])
    yield "search by name", client.get(reverse("search"), {"q": DISPLAY_NAME})
    yield "search by first name", client.get(reverse("search"), {"q": "Zephyrine"})


@pytest.mark.parametrize("private_profile", ["staff", "members"], indirect=True)
def test_private_profiles_are_absent_from_sitemap_feeds_and_search(
    client, story_index, private_profile
):
    for kind, response in public_responses(client, story_index):
        assert response.status_code == 200, kind
        body = response.content.decode()
        if kind.startswith("search"):
            # The page repeats what was searched for; nothing must be found for it.
            assert list(response.context["results"]) == [], kind
            assert "0 results" in body, kind
        else:
            assert "Zephyrine" not in body, kind
        assert str(private_profile.public_id) not in body, kind
        assert reverse("members:profile", args=[private_profile.public_id]) not in body, kind
        assert private_profile.user.email not in body, kind


@pytest.mark.parametrize("private_profile", ["staff", "members"], indirect=True)
def test_the_members_published_story_is_still_listed_without_them(
    client, story_index, private_profile
):
    """The checks above look at real content: the story itself is in every response."""
    story = private_profile.user.submitted_stories.get()
    responses = dict(public_responses(client, story_index))
    assert story.full_url in responses["sitemap"].text
    assert "Allotments and neighbours" in responses["rss"].text
    assert "Allotments and neighbours" in responses["atom"].text
    search = client.get(reverse("search"), {"q": "allotments"})
    assert "Allotments and neighbours" in search.text
