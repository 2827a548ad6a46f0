"""The demo has mentors, confirmed pairs with meetings (some with notes) within the open
programme, and one open request; the demo member is in it; a second load adds nothing."""

import io

from django.core.management import call_command
from django.urls import reverse

from members.demo.members import MEMBER_EMAIL
from members.models import MentoringMeeting, MentorOffer, Mentorship, User


def counts():
    return (
        MentorOffer.objects.count(),
        Mentorship.objects.count(),
        MentoringMeeting.objects.count(),
    )


def test_demo_mentoring_involves_the_demo_member_and_loads_once(db, client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    member = User.objects.get(email=MEMBER_EMAIL)
    assert MentorOffer.objects.count() >= 5
    assert Mentorship.objects.filter(status="requested").count() == 1
    assert Mentorship.objects.filter(status="requested", mentee=member).exists()
    assert Mentorship.objects.filter(status="active", mentor=member).exists()
    assert MentoringMeeting.objects.exclude(note="").exists()
    assert MentoringMeeting.objects.filter(note="").exists()
    paired = Mentorship.objects.filter(status__in=["active", "ended"])
    assert paired.count() >= 3
    assert all(pair.programme and pair.programme.slug == "speak-up-lead-locally" for pair in paired)

    client.force_login(member)
    page = client.get(reverse("members:mentoring")).text
    assert "You mentor" in page and "You asked" in page
    assert client.get(reverse("members:find_mentor")).status_code == 200

    before = counts()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert counts() == before
    assert "mentoring" not in output.getvalue()
