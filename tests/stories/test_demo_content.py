"""The demo: stories for every programme, consent recorded, ACT figures exact."""

from django.core.management import call_command
from wagtail.models import Locale

from programmes.models import ProgrammePage
from stories.models import HighlightFigure, StoryPage


def test_demo_has_stories_consent_and_the_seven_act_figures(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    programmes = ProgrammePage.objects.filter(locale=Locale.get_default())
    assert programmes.count() == 4
    for programme in programmes:
        assert StoryPage.objects.filter(
            kind="story", programme_links__programme=programme
        ).exists(), programme.slug
    for story in StoryPage.objects.filter(kind="story"):
        assert story.consent_scope and story.consent_given_on
        # Editorial stories are published; the demo member's own story waits in review.
        assert story.live or story.submitted_by_id, story.title
    assert StoryPage.objects.filter(kind="news").exists()
    assert StoryPage.objects.filter(kind="newsletter").exists()
    assert HighlightFigure.objects.exists()

    act = ProgrammePage.objects.get(slug="active-citizens-together")
    figures = [
        (figure.label, figure.delivered, figure.target)
        for figure in act.outcome_figures.order_by("sort_order")
    ]
    assert figures == [
        ("Workshops", 24, 20),
        ("Workshop participants", 256, 200),
        ("ESOL classes", 47, 20),
        ("ESOL class participants", 280, 200),
        ("Mentoring meetings", 23, 20),
        ("People involved in mentoring", 58, 40),
        ("Network members", 111, 50),
    ]
    html = client.get(act.url, HTTP_HOST="127.0.0.1:8000").text
    for text in [
        "24 / 20 (120%)",
        "256 / 200 (128%)",
        "47 / 20 (235%)",
        "280 / 200 (140%)",
        "23 / 20 (115%)",
        "58 / 40 (145%)",
        "111 / 50 (222%)",
    ]:
        assert text in html

    before = StoryPage.objects.count()
    call_command("load_demo")
    assert StoryPage.objects.count() == before
