"""Datasets for the benchmark, built with the test factories and bulk inserts."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Locale, Page, Site

SIZES = {
    "small": {"members": 20, "events": 10, "stories": 6, "programmes": 2, "translated": 2},
    "large": {
        "members": 10_000,
        "events": 2_000,
        "stories": 1_000,
        "programmes": 50,
        "translated": 100,
    },
}
SKILLS = ["Public speaking", "Campaigning", "Fundraising", "Leadership", "Mentoring", "Design"]
TOPICS = ["Campaigning", "Community organising", "Local democracy"]
BENCH_MEMBER = "bench-member@example.org"
AREA = "london-hackney"
# Days from today to a programme's start, in turn: open for applications, closed, running,
# finished. A cycle rather than a random choice, so that the small dataset too has an
# open programme for the home page to show: a page that shows no programme skips its
# prefetch queries, and its query count would differ between sizes for no real reason.
START_OFFSETS = [60, 10, -30, -400]


def _translate(page, locale):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy


def build(size: str, seed: int = 9) -> dict:
    """Build one dataset in an empty, migrated database; returns what the URLs need."""
    from home.models import Skill, Topic
    from members.models import EventReply, Profile, ProfileLanguage, ProfileSkill
    from members.models.events import Event
    from programmes.models import ProgrammeSession, ProgrammeTopic
    from stories.models import StoryTopic
    from tests.factories import HomePageFactory, ProgrammeIndexPageFactory, ProgrammePageFactory
    from tests.members.factories import EventFactory
    from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

    counts = SIZES[size]
    rng = random.Random(seed)
    steps = tqdm(total=7, desc=f"build {size}", unit="step")
    english, _ = Locale.objects.get_or_create(language_code="en")
    chinese, _ = Locale.objects.get_or_create(language_code="zh-hant")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, locale=english, title="Active Citizens Network")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    programme_index = ProgrammeIndexPageFactory(parent=home, show_in_menus=True)
    story_index = StoryIndexPageFactory(parent=home)
    _translate(home, chinese)
    _translate(programme_index, chinese)
    _translate(story_index, chinese)
    topics = [
        Topic.objects.get_or_create(name=n, slug=n.lower().replace(" ", "-"))[0] for n in TOPICS
    ]
    skills = [
        Skill.objects.get_or_create(name=n, slug=n.lower().replace(" ", "-"))[0] for n in SKILLS
    ]
    steps.update()

    today = timezone.localdate()
    programmes = []
    for number in tqdm(range(counts["programmes"]), desc="programmes", leave=False):
        programmes.append(
            ProgrammePageFactory(
                parent=programme_index,
                title=f"Programme {number:02d}",
                slug=f"programme-{number:02d}",
                start_date=today + timedelta(days=START_OFFSETS[number % len(START_OFFSETS)]),
            )
        )
    ProgrammeSession.objects.bulk_create(
        ProgrammeSession(
            page=page,
            locale=page.locale,
            sort_order=week,
            title=f"Session {week + 1}",
            date=page.start_date + timedelta(weeks=week),
            start_time=timezone.datetime(2000, 1, 1, 14).time(),
            end_time=timezone.datetime(2000, 1, 1, 16).time(),
        )
        for page in programmes
        for week in range(8)
    )
    ProgrammeTopic.objects.bulk_create(
        ProgrammeTopic(content_object=page, tag=topic)
        for page in programmes
        for topic in topics[:2]
    )
    steps.update()

    stories = []
    for number in tqdm(range(counts["stories"]), desc="stories", leave=False):
        stories.append(StoryPageFactory(parent=story_index, title=f"Community story {number}"))
    StoryTopic.objects.bulk_create(
        StoryTopic(content_object=story, tag=topics[n % 3]) for n, story in enumerate(stories)
    )
    steps.update()

    translated = (programmes + stories)[: counts["translated"]]
    for page in tqdm(translated, desc="translations", leave=False):
        _translate(page, chinese)
    steps.update()

    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"member{n:05d}@example.org", password="!") for n in range(counts["members"])
    )
    bench_user = User.objects.create_user(email=BENCH_MEMBER, password="bench-password-1")
    users.append(bench_user)
    areas = [AREA, "london-camden", "wales", "scotland", "east-of-england"]
    profiles = Profile.objects.bulk_create(
        Profile(
            user=user,
            display_name=f"Member {n:05d}",
            status="approved",
            home_area=areas[n % len(areas)],
            visibility=rng.choice(["members", "public"]),
        )
        for n, user in enumerate(tqdm(users, desc="members", leave=False))
    )
    ProfileSkill.objects.bulk_create(
        ProfileSkill(content_object=profile, tag=skills[(n + k) % len(skills)])
        for n, profile in enumerate(profiles)
        for k in range(2)
    )
    ProfileLanguage.objects.bulk_create(
        ProfileLanguage(profile=profile, code=rng.choice(["en", "ar", "zh-hant"]))
        for profile in profiles
    )
    steps.update()

    now = timezone.now()
    events = Event.objects.bulk_create(
        EventFactory.build(
            title=f"Meet-up {n}",
            starts_at=now + timedelta(hours=6 * (n - counts["events"] // 4)),
            ends_at=now + timedelta(hours=6 * (n - counts["events"] // 4) + 2),
            area=areas[n % len(areas)],
            organiser=users[n % len(users)],
        )
        for n in tqdm(range(counts["events"]), desc="events", leave=False)
    )
    EventReply.objects.bulk_create(
        EventReply(event=event, user=users[(n * 7 + k) % len(users)], status="going")
        for n, event in enumerate(events)
        for k in range(5)
    )
    steps.update()
    steps.update()
    steps.close()
    month = timezone.localtime(now).strftime("%Y-%m")
    return {
        "programme": programmes[0].url,
        "story": stories[-1].url,
        "profile": f"/members/{profiles[1].public_id}/",
        "month": month,
        "skill": skills[1].slug,
        "bench_member": BENCH_MEMBER,
    }
