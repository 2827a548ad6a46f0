"""Factories for members: accounts with a verified address and a profile."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from members.models import Event, EventAudience, EventFormat, EventState, MembershipStatus, Profile

PASSWORD = "a-long-member-passphrase"


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Legalname{n}")
    last_name = "Surname"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class ProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Chosen Name {n}")
    status = MembershipStatus.APPROVED
    headline = "Community organiser"
    bio = "I organise tenants in my borough."
    privacy_notice_version = "2025-01"

    class Meta:
        model = Profile


class StaffFactory(UserFactory):
    """A member-staff account: staff, with permission to moderate members."""

    is_staff = True

    @factory.post_generation
    def moderator(user, create, extracted, **kwargs):
        if create:
            user.user_permissions.add(
                Permission.objects.get(codename="moderate_members"),
                Permission.objects.get(codename="access_admin"),
            )


def submit_member_story(user, **overrides):
    """A story sent by `user` through the member area's service, as a member would."""
    from members.services.story_submission import submit_story

    fields = {
        "title": "How I spoke at the council",
        "text": "I was nervous.\n\nThen I asked my question about the bus route.",
        "consent": "name",
        **overrides,
    }
    return submit_story(user, **fields)


class EventFactory(factory.django.DjangoModelFactory):
    """A published public in-person event in Hackney, a week from now, with 20 places."""

    title = factory.Sequence(lambda n: f"Community meeting {n}")
    description = "Meet neighbours and plan the next campaign."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    format = EventFormat.IN_PERSON
    venue = "Riverside Community Hall, 1 Example Street"
    area = "london-hackney"
    capacity = 20
    audience = EventAudience.PUBLIC
    state = EventState.PUBLISHED

    class Meta:
        model = Event


def offer_mentoring(user, *, skills=(), languages=(), area="", capacity=1, **fields):
    """A mentoring offer by `user` with these skills (Skill objects) and language codes."""
    from members.models import MentorOffer

    offer = MentorOffer.objects.create(
        user=user, area=area, capacity=capacity, languages=list(languages), **fields
    )
    offer.skills.set(list(skills))
    return offer


def wish_for_mentor(user, *, skills=(), languages=(), area="", message=""):
    """What `user` looks for in a mentor."""
    from members.models import MentoringWish

    wish = MentoringWish.objects.create(
        user=user, area=area, languages=list(languages), message=message
    )
    wish.skills.set(list(skills))
    return wish


def mentoring_pair(mentor, mentee, *, status="active", confirmed_at=None, **fields):
    """A pair as staff would have confirmed it (or a request, with status="requested")."""
    from django.utils import timezone

    from members.models import Mentorship

    if status != "requested" and confirmed_at is None:
        confirmed_at = timezone.now()
    return Mentorship.objects.create(
        mentor=mentor, mentee=mentee, status=status, confirmed_at=confirmed_at, **fields
    )
