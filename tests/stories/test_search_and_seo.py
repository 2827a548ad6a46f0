"""Search over programmes and stories; robots.txt; structured data for programmes."""

import json
import re

from django.urls import reverse

from tests.factories import ProgrammePageFactory
from tests.stories.factories import StoryPageFactory


def result_titles(response):
    return [page.title for _type, page in response.context["results"]]


def test_search_finds_a_story_by_a_word_in_its_body(client, story_index):
    StoryPageFactory(
        parent=story_index,
        title="Council question",
        body=[("paragraph", "<p>We campaigned for safer crossings near the allotments.</p>")],
    )
    StoryPageFactory(parent=story_index, title="Something else")
    response = client.get(reverse("search"), {"q": "allotments"})
    assert response.status_code == 200
    assert result_titles(response) == ["Council question"]
    assert "1 result" in response.text


def test_search_ignores_control_characters_in_the_query(client, story_index):
    """A NUL byte used to reach PostgreSQL, which refuses it with a server error."""
    StoryPageFactory(
        parent=story_index,
        title="Council question",
        body=[("paragraph", "<p>We campaigned for safer crossings near the allotments.</p>")],
    )
    response = client.get(reverse("search"), {"q": "allot\x00ments\x07"})
    assert response.status_code == 200
    assert response.context["query"] == "allotments"
    assert result_titles(response) == ["Council question"]


def test_search_pages_run_from_programmes_into_stories(
    client, story_index, programme_index, monkeypatch
):
    """Results are read a page at a time; a page may end one type and start the next."""
    from home import views

    for n in range(3):
        ProgrammePageFactory(parent=programme_index, title=f"Allotment programme {n}")
        StoryPageFactory(parent=story_index, title=f"Allotment story {n}")
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 4)
    first = client.get(reverse("search"), {"q": "allotment"})
    second = client.get(reverse("search"), {"q": "allotment", "page": 2})
    assert "6 results" in first.text
    titles = result_titles(first) + result_titles(second)
    assert sorted(titles[:3]) == [f"Allotment programme {n}" for n in range(3)]
    assert sorted(titles[3:]) == [f"Allotment story {n}" for n in range(3)]
    assert len(result_titles(first)) == 4 and "Page 2 of 2" in second.text


def test_search_counts_and_filters_by_type(client, story_index, programme_index):
    ProgrammePageFactory(parent=programme_index, title="Organising for change")
    StoryPageFactory(parent=story_index, title="Organising a welcome walk")
    StoryPageFactory(parent=story_index, title="Draft organising", live=False)

    everything = client.get(reverse("search"), {"q": "organising"})
    assert set(result_titles(everything)) == {"Organising for change", "Organising a welcome walk"}
    assert "Programmes: 1" in everything.text
    assert "Stories and news: 1" in everything.text

    stories = client.get(reverse("search"), {"q": "organising", "type": "stories"})
    assert result_titles(stories) == ["Organising a welcome walk"]
    programmes = client.get(reverse("search"), {"q": "organising", "type": "programmes"})
    assert result_titles(programmes) == ["Organising for change"]


def test_empty_search_shows_the_form_only(client, home_page):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert '<label for="search-q">' in response.text
    assert response.context["results"] == []


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get(reverse("robots_txt"))
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_programme_page_has_course_json_ld(client, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, title="Speak Up")
    html = client.get(programme.url).text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Course"
    assert data["name"] == "Speak Up"
    assert data["isAccessibleForFree"] is True
    assert data["hasCourseInstance"]["startDate"] == programme.start_date.isoformat()
    assert '<meta property="og:title" content="Speak Up">' in html
