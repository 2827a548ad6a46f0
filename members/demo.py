"""Demo alumni: about forty fictional members across the demo programmes, with varied
skills, areas, languages and visibility choices, plus a member and a pending member
whose logins `load_demo` prints. Every step looks up before it creates."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.areas import LONDON_BOROUGHS, NATIONS_AND_REGIONS
from home.demo import DEMO_PASSWORD
from home.models import Skill
from members.languages import SPOKEN_LANGUAGES
from members.models import MembershipStatus, Profile, ProfileLanguage, ProgrammeClaim

FIRST_NAMES = [
    "Amal",
    "Bogdan",
    "Chi Wing",
    "Daria",
    "Elif",
    "Farid",
    "Grace",
    "Hana",
    "Ioana",
    "Jakub",
    "Kateryna",
    "Lina",
    "Marek",
    "Nour",
    "Oksana",
    "Pui Yee",
    "Qasim",
    "Rania",
    "Sorin",
    "Tomasz",
    "Uzma",
    "Vasyl",
    "Wing Sze",
    "Yasmin",
    "Zofia",
    "Abdi",
    "Bianca",
    "Cheuk Hin",
    "Dawit",
    "Esra",
    "Fatima",
    "Gheorghe",
    "Halyna",
    "Idris",
    "Joanna",
    "Kwame",
    "Lok Yi",
    "Maryam",
    "Nadia",
    "Olek",
]
HEADLINES = [
    "Community organiser",
    "Campaigns volunteer",
    "Youth worker",
    "ESOL teacher",
    "Parent governor",
    "Tenants' association chair",
    "Food bank coordinator",
    "Local councillor candidate",
    "Radio presenter",
    "Advice caseworker",
]
AREAS = [value for value, _label in NATIONS_AND_REGIONS + LONDON_BOROUGHS[:12]]
LANGUAGE_CODES = [code for code, _label in SPOKEN_LANGUAGES]
VISIBILITIES = ["members", "members", "members", "public", "staff"]

MEMBER_EMAIL = "member@example.org"
MEMBER_STORY = {
    "title": "Speaking up at my children's school",
    "text": (
        "When I arrived I did not know that parents could speak at governors' meetings.\n\n"
        "After the programme I asked about free school meals for families waiting for "
        "their status. Now three other parents come with me."
    ),
    "consent": "name",
}
PENDING_EMAIL = "pending@example.org"


def _account(email: str, display_name: str, status: str, run, index: int) -> Profile:
    User = get_user_model()
    user, created = User.objects.get_or_create(email=email)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        run.note(f"member {email}")
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    profile, _ = Profile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": display_name,
            "status": status,
            "status_changed_at": timezone.now() if status == MembershipStatus.APPROVED else None,
            "headline": HEADLINES[index % len(HEADLINES)],
            "bio": (
                f"I joined the network after a leadership programme and now help "
                f"neighbours take part in local decisions. Ask me about "
                f"{HEADLINES[(index + 3) % len(HEADLINES)].lower()} work."
            ),
            "home_area": AREAS[index % len(AREAS)],
            "interests": "Housing, schools, local democracy",
            "mentoring_offered": index % 3 == 0,
            "mentoring_wanted": index % 4 == 1,
            "mentoring_topics": "Public speaking and first campaigns" if index % 3 == 0 else "",
            "visibility": VISIBILITIES[index % len(VISIBILITIES)],
            "home_area_visibility": "staff" if index % 4 == 2 else "members",
            "programmes_visibility": "members",
            "links_visibility": "members",
            "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
            "privacy_consented_at": timezone.now(),
            "staff_export_consent": index % 2 == 0,
        },
    )
    return profile


def load_members(run):
    from programmes.models import ProgrammePage

    moderators = Group.objects.filter(name="Moderators").first()
    permission = Permission.objects.get(codename="moderate_members")
    if moderators and not moderators.permissions.filter(pk=permission.pk).exists():
        moderators.permissions.add(permission)
        run.note("Moderators may approve members")

    skills = list(Skill.objects.order_by("name"))
    programmes = list(ProgrammePage.objects.order_by("path"))
    people = [(MEMBER_EMAIL, "Maya Member", MembershipStatus.APPROVED)]
    people += [
        (f"alumni{number:02d}@example.org", name, MembershipStatus.APPROVED)
        for number, name in enumerate(FIRST_NAMES, start=1)
    ]
    people.append((PENDING_EMAIL, "Pat Pending", MembershipStatus.PENDING))
    for index, (email, name, status) in enumerate(people):
        profile = _account(email, name, status, run, index)
        if not profile.skill_items.exists() and skills:
            profile.skills.set([skills[(index + step * 4) % len(skills)] for step in range(3)])
        if not profile.languages.exists():
            codes = {"en", LANGUAGE_CODES[1 + index % (len(LANGUAGE_CODES) - 1)]}
            ProfileLanguage.objects.bulk_create(
                [ProfileLanguage(profile=profile, code=code) for code in sorted(codes)]
            )
        if programmes and not profile.claims.exists():
            ProgrammeClaim.objects.create(
                profile=profile,
                programme=programmes[index % len(programmes)],
                cohort="",
                confirmed=index % 5 != 4,
            )
    load_member_story(run)
    run.extra_logins.append(("member", MEMBER_EMAIL))
    run.extra_logins.append(("pending member", PENDING_EMAIL))


def load_member_story(run):
    """One story the demo member sent from the member area, waiting in Story review."""
    from members.services import story_submission
    from stories.models import StoryPage

    member = get_user_model().objects.get(email=MEMBER_EMAIL)
    if StoryPage.objects.filter(submitted_by=member).exists():
        return
    try:
        story_submission.submit_story(member, **MEMBER_STORY)
    except story_submission.NoStoryIndex:
        return
    run.note(f"member story in review: {MEMBER_STORY['title']}")
