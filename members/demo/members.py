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
    from members.forms.profile import programme_choices

    moderators = Group.objects.filter(name="Moderators").first()
    permission = Permission.objects.get(codename="moderate_members")
    if moderators and not moderators.permissions.filter(pk=permission.pk).exists():
        moderators.permissions.add(permission)
        run.note("Moderators may approve members")

    skills = list(Skill.objects.order_by("name"))
    programmes = list(programme_choices().order_by("path"))
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


# Mentoring: mentors among the alumni, pairs staff confirmed within the open programme
# with meetings (some with notes), and one request waiting for staff. The demo member
# mentors one alumna, looks for a mentor herself and has that open request.
DEMO_MENTOR_NUMBERS = [0, 3, 6, 9, 12, 15, 18, 21]  # 0 is the demo member
DEMO_PAIRS = [
    # mentor, mentee, days since confirmed, days ago of each meeting, ended
    (0, 4, 70, [63, 42, 21, 7], False),
    (3, 5, 90, [84, 56, 28], False),
    (6, 7, 120, [110, 80], True),
    (9, 10, 40, [30, 9], False),
]
DEMO_MEETING_NOTES = [
    "Practised the three-minute speech for the council meeting.",
    "",
    "Planned who to invite to the first tenants' meeting.",
]
DEMO_OPEN_REQUEST = (12, 0, "I would like help to run my first campaign in my borough.")


def _demo_person(number: int):
    User = get_user_model()
    email = MEMBER_EMAIL if number == 0 else f"alumni{number:02d}@example.org"
    return User.objects.select_related("profile").filter(email=email).first()


def load_mentoring(run):
    from datetime import timedelta

    from members.models import (
        MentoringMeeting,
        MentoringWish,
        MentorOffer,
        Mentorship,
        MentorshipStatus,
    )
    from programmes.models import ProgrammePage

    now = timezone.now()
    for position, number in enumerate(DEMO_MENTOR_NUMBERS):
        person = _demo_person(number)
        if person is None or MentorOffer.objects.filter(user=person).exists():
            continue
        profile = person.profile
        offer = MentorOffer.objects.create(
            user=person,
            area=profile.home_area,
            capacity=2 if position % 2 else 3,
            languages=[language.code for language in profile.languages.all()],
            note="Happy to meet online or for a coffee near me, every few weeks.",
            visibility=["members", "staff", "public"][position % 3],
        )
        offer.skills.set([item.tag for item in profile.skill_items.select_related("tag")])
        run.note(f"mentoring offer by {person.email}")

    member = _demo_person(0)
    if member is not None and not MentoringWish.objects.filter(user=member).exists():
        wish = MentoringWish.objects.create(
            user=member,
            area=member.profile.home_area,
            languages=[language.code for language in member.profile.languages.all()],
            message="I want to get better at campaigning and speaking in public.",
        )
        wish.skills.set(list(Skill.objects.order_by("name")[:3]))

    programme = ProgrammePage.objects.filter(slug="speak-up-lead-locally").first()
    for mentor_number, mentee_number, days, meeting_days, ended in DEMO_PAIRS:
        mentor, mentee = _demo_person(mentor_number), _demo_person(mentee_number)
        if mentor is None or mentee is None:
            continue
        if Mentorship.objects.filter(mentor=mentor, mentee=mentee).exists():
            continue
        pair = Mentorship.objects.create(
            mentor=mentor,
            mentee=mentee,
            status=MentorshipStatus.ENDED if ended else MentorshipStatus.ACTIVE,
            message="I would like a mentor who has spoken at a council meeting.",
            programme=programme,
            confirmed_at=now - timedelta(days=days),
            closed_at=now - timedelta(days=5) if ended else None,
        )
        Mentorship.objects.filter(pk=pair.pk).update(requested_at=now - timedelta(days=days + 3))
        MentoringMeeting.objects.bulk_create(
            MentoringMeeting(
                mentorship=pair,
                met_on=(now - timedelta(days=ago)).date(),
                note=DEMO_MEETING_NOTES[index % len(DEMO_MEETING_NOTES)],
                logged_by=mentor if index % 2 == 0 else mentee,
            )
            for index, ago in enumerate(meeting_days)
        )
        run.note(f"mentoring pair {mentor.email} and {mentee.email}")

    mentor_number, mentee_number, message = DEMO_OPEN_REQUEST
    mentor, mentee = _demo_person(mentor_number), _demo_person(mentee_number)
    if mentor and mentee and not Mentorship.objects.filter(mentor=mentor, mentee=mentee).exists():
        Mentorship.objects.create(mentor=mentor, mentee=mentee, message=message)
        run.note(f"mentoring request from {mentee.email}")
