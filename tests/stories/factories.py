"""Factories for story pages and the things around them."""

import datetime

import factory
import wagtail_factories

from stories.models import HighlightFigure, StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"
    show_in_menus = True

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    """A published participant story whose participant agreed to be named."""

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    kind = "story"
    introduction = "How taking part changed what I do in my community."
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1).replace(day=1 + n % 28))
    body = [("paragraph", "<p>I joined the programme to learn how the council works.</p>")]
    consent_scope = "name"
    consent_given_on = datetime.date(2024, 1, 1)

    class Meta:
        model = StoryPage


class HighlightFigureFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Figure {n}")
    delivered = 24
    target = 20
    unit = "workshops"

    class Meta:
        model = HighlightFigure
