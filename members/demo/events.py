"""Demo events: a spread of upcoming and past events across areas and formats, some full
with a waitlist, organised by staff and by members. Venues and links are fictional.

Idempotent: an event whose title exists is left alone, replies included.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Skill, Topic
from members.demo.members import MEMBER_EMAIL
from members.models import Event, EventReply, ReplyStatus

# title, days from today, hour, hours long, format, area, venue, capacity, audience,
# organiser ("staff" or "member"), topics, replies to create
DEMO_EVENTS = [
    (
        "Newcastle community breakfast",
        3,
        10,
        2,
        "in-person",
        "england-north-east",
        "Tyne Riverside Community Centre, 12 Example Quay, Newcastle",
        30,
        "public",
        "staff",
        ["Community organising"],
        12,
    ),
    (
        "Speaking at your council: a practice evening",
        6,
        18,
        2,
        "in-person",
        "london-hackney",
        "Mare Street Meeting Rooms, 3 Example Street, Hackney",
        12,
        "members",
        "member",
        ["Democratic participation"],
        16,
    ),
    (
        "Online: writing to your MP",
        4,
        19,
        1,
        "online",
        "",
        "",
        50,
        "public",
        "staff",
        ["Democratic participation"],
        20,
    ),
    (
        "Tenants' rights drop-in",
        9,
        17,
        2,
        "in-person",
        "london-islington",
        "Holloway Library Hall, 7 Example Road, Islington",
        20,
        "public",
        "member",
        ["Housing"],
        8,
    ),
    (
        "Leeds alumni social",
        12,
        18,
        3,
        "in-person",
        "england-yorkshire",
        "Kirkgate Café upstairs room, 21 Example Lane, Leeds",
        15,
        "members",
        "member",
        ["Community organising"],
        15,
    ),
    (
        "Hybrid: planning the spring campaign",
        15,
        18,
        2,
        "hybrid",
        "london-tower-hamlets",
        "Whitechapel Hub, 40 Example Road, Tower Hamlets",
        10,
        "members",
        "staff",
        ["Community organising"],
        14,
    ),
    (
        "Cardiff storytelling workshop",
        20,
        11,
        3,
        "in-person",
        "wales",
        "Bute Street Arts Space, 9 Example Street, Cardiff",
        25,
        "public",
        "staff",
        ["Media and storytelling"],
        6,
    ),
    (
        "Online mentoring circle",
        25,
        19,
        1,
        "online",
        "",
        "",
        None,
        "members",
        "member",
        ["Mentoring"],
        9,
    ),
    (
        "Glasgow welcome meeting",
        33,
        14,
        2,
        "in-person",
        "scotland",
        "Govan Community Hall, 2 Example Place, Glasgow",
        40,
        "public",
        "staff",
        ["Community organising"],
        5,
    ),
    (
        "Birmingham media training",
        40,
        10,
        6,
        "in-person",
        "england-west-midlands",
        "Digbeth Training Rooms, 15 Example Street, Birmingham",
        18,
        "public",
        "staff",
        ["Media and storytelling"],
        18,
    ),
    # Past events, for the archive.
    (
        "Autumn alumni reunion",
        -20,
        17,
        3,
        "in-person",
        "london-camden",
        "Kentish Town Community Hall, 8 Example Road, Camden",
        60,
        "members",
        "staff",
        ["Community organising"],
        25,
    ),
    (
        "Online: an introduction to the network",
        -10,
        19,
        1,
        "online",
        "",
        "",
        None,
        "public",
        "staff",
        ["Leadership"],
        11,
    ),
    (
        "Manchester campaign surgery",
        -5,
        18,
        2,
        "in-person",
        "england-north-west",
        "Ancoats Works Studio, 6 Example Street, Manchester",
        20,
        "public",
        "member",
        ["Campaigning"],
        14,
    ),
]


# Events the open demo programme runs for its cohort, so that its "Events of this
# programme" figure counts something (one held five days ago, one still to come).
OPEN_PROGRAMME_EVENTS = [
    "Manchester campaign surgery",
    "Speaking at your council: a practice evening",
]


def _link_to_the_open_programme(run):
    from wagtail.models import Locale

    from programmes.demo.programmes import OPEN_PROGRAMME_SLUG
    from programmes.models import ProgrammePage

    programme = ProgrammePage.objects.filter(
        slug=OPEN_PROGRAMME_SLUG, locale=Locale.get_default()
    ).first()
    if programme is None:
        return
    linked = Event.objects.filter(title__in=OPEN_PROGRAMME_EVENTS, programme=None).update(
        programme=programme
    )
    if linked:
        run.note(f"{linked} events linked to {programme.title}")


def _at(today, days, hour):
    day = today + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_events(run):
    User = get_user_model()
    staff = User.objects.filter(email="moderator@example.org").first()
    member = User.objects.filter(email=MEMBER_EMAIL).first()
    repliers = list(
        User.objects.filter(email__startswith="alumni", profile__status="approved").order_by(
            "email"
        )
    )
    for index, row in enumerate(DEMO_EVENTS):
        (title, days, hour, hours, fmt, area, venue, capacity, audience, by, topics, count) = row
        if Event.objects.filter(title=title).exists():
            continue
        starts_at = _at(run.today, days, hour)
        event = Event.objects.create(
            title=title,
            description=(
                f"{title}. Everyone from the network is welcome; bring a friend who might "
                "want to join. Tea and coffee provided. Tell the organiser about any access "
                "needs and we will make it work."
            ),
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            format=fmt,
            area=area,
            venue=venue,
            joining_link=(
                f"https://meet.example.org/acn-demo-{index}" if fmt != "in-person" else ""
            ),
            capacity=capacity,
            audience=audience,
            state="published",
            organiser=staff if by == "staff" else member,
        )
        event.topics.set([Topic.objects.get_or_create(name=name)[0] for name in topics])
        skill = Skill.objects.filter(name__in=topics).first()
        if skill:
            event.skills.set([skill])
        replies = []
        for number, user in enumerate(repliers[index : index + count]):
            full = capacity is not None and number >= capacity
            replies.append(
                EventReply(
                    event=event,
                    user=user,
                    status=ReplyStatus.WAITLISTED if full else ReplyStatus.CONFIRMED,
                    show_name=number % 3 == 0,
                    replied_at=timezone.now() - timedelta(hours=count - number),
                )
            )
        EventReply.objects.bulk_create(replies)
        run.note(f"event {title}")
    _link_to_the_open_programme(run)
    # A proposal waiting for staff, so the admin's "Proposed events" has one.
    if member and not Event.objects.filter(title="Proposed: Sunday walk and talk").exists():
        starts_at = _at(run.today, 18, 11)
        Event.objects.create(
            title="Proposed: Sunday walk and talk",
            description="A gentle walk in the park and a chat about next year's plans.",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            format="in-person",
            area="england-north-east",
            venue="Leazes Park main gate, Newcastle",
            capacity=15,
            audience="members",
            state="proposed",
            organiser=member,
        )
        run.note("proposed event")
