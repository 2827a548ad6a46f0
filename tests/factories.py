"""Factories for the pages and snippets tests build on."""

from datetime import date, datetime, time, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from home.models import Funder, HomePage, Organisation
from programmes.models import (
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeScheduleNote,
    ProgrammeSession,
)


def london(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware datetime for a wall-clock time in the UK."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    website = "https://org.example.org/"

    class Meta:
        model = Organisation


class FunderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Funder {n}")
    website = "https://funder.example.org/"

    class Meta:
        model = Funder


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    introduction = "Free leadership programmes for migrants and refugees."

    class Meta:
        model = HomePage


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programmes"
    slug = "programmes"
    show_in_menus = True

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    """A programme starting in about two months with applications open for a month."""

    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    summary = "A free programme for new community leaders."
    audience = "<p>Migrants and refugees who want to lead.</p>"
    delivery_mode = "hybrid"
    venue = "Central London"
    region = "london"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=150))
    application_deadline = factory.LazyAttribute(
        lambda o: london(o.start_date - timedelta(days=30), 23, 59)
    )
    apply_email = "apply@example.org"

    class Meta:
        model = ProgrammePage


class ProgrammeSessionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    date = factory.LazyAttribute(lambda o: o.page.start_date)
    start_time = time(14, 0)
    end_time = time(15, 30)
    title = factory.Sequence(lambda n: f"Session {n}")

    class Meta:
        model = ProgrammeSession


class ProgrammeScheduleNoteFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    starts_on = factory.LazyAttribute(lambda o: o.page.start_date)
    title = "Later months: dates to be confirmed"
    text = "Tailored support; dates will follow."

    class Meta:
        model = ProgrammeScheduleNote
