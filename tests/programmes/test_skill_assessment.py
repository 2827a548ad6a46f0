"""Skills measured before and after: rounds opened by staff, a personal link per
participant, answers kept apart from names, and only aggregates reported."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from home.impact import ImpactSource, count
from home.models import Skill
from programmes.models import (
    Application,
    AssessmentPseudonym,
    CohortMember,
    ProgrammeAccess,
    ProgrammeOutcomeFigure,
    SkillAnswerSet,
    SkillAssessmentRound,
    SkillRating,
)
from programmes.services import assessments
from programmes.services.assessments import change_summary
from tests.factories import ProgrammePageFactory
from tests.members.factories import UserFactory

# The invitation tasks run at once; the tests commit with django_capture_on_commit_callbacks.
pytestmark = pytest.mark.usefixtures("immediate_tasks")


@pytest.fixture
def skills(db):
    return [
        Skill.objects.get_or_create(name=name, slug=name.lower().replace(" ", "-"))[0]
        for name in ("Campaigning", "Public speaking")
    ]


@pytest.fixture
def programme(programme_index, skills):
    today = timezone.localdate()
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Speak Up",
        start_date=today - timedelta(days=10),
        end_date=today + timedelta(days=90),
        application_deadline=None,
    )
    page.skills.add(*skills)
    page.save()
    return page


@pytest.fixture
def cohort(programme):
    members = []
    for number in range(6):
        application = Application.objects.create(
            programme=programme,
            name=f"Person {number}",
            email=f"person{number}@example.org",
            language="ar" if number == 0 else "en",
        )
        members.append(
            CohortMember.objects.create(
                programme=programme,
                application=application,
                display_name=f"Person {number}",
                confirmed_at=timezone.now(),
            )
        )
    return members


@pytest.fixture
def reviewer(programme):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    ProgrammeAccess.objects.create(programme=programme, user=user)
    return user


def rounds_url(programme):
    return f"/admin/programmes/{programme.pk}/self-assessment/"


def open_start_round(client, programme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            rounds_url(programme),
            {
                "action": "open",
                "stage": "start",
                "closes_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
            },
        )


def links_by_recipient() -> dict[str, str]:
    return {
        message.to[0]: re.search(r"https?://\S+/assessments/\S+/", message.body).group(0)
        for message in mail.outbox
    }


def checked(response) -> dict[str, str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return {tag["name"]: tag["value"] for tag in soup.select("input[type=radio][checked]")}


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# The before/after aggregation, over crafted answers ---------------------------------


def test_the_change_is_the_median_over_people_who_answered_both_rounds():
    summary = change_summary([(1, 3), (2, 2), (2, 4), (3, 2), (1, 2), (4, 5)])

    assert summary.answered_both == 6
    assert summary.median_change == 1
    assert (summary.moved_up, summary.share_up) == (4, 67)
    assert summary.median_display == "+1"


def test_a_half_point_median_and_no_change_read_plainly():
    assert change_summary([(1, 2), (2, 2), (3, 4), (2, 2), (3, 4), (4, 4)]).median_display == "+0.5"
    assert change_summary([(3, 3)] * 5).median_display == "0"


def test_fewer_than_five_people_show_no_change_at_all():
    summary = change_summary([(1, 5), (2, 4), (1, 3), (2, 5)])

    assert not summary.shown
    assert summary.share_up is None and summary.median_display == ""


# Opening a round and the personal link ----------------------------------------------


def test_opening_a_round_emails_each_participant_a_link_in_their_language(
    client, programme, cohort, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)

    response = open_start_round(client, programme, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert len(mail.outbox) == len(cohort)
    links = links_by_recipient()
    assert "/ar/assessments/" in links["person0@example.org"]
    assert "/en/assessments/" in links["person1@example.org"]
    # Only the hash of each link is stored.
    token = links["person1@example.org"].rstrip("/").rsplit("/", 1)[1]
    assert not SkillAssessmentRound.objects.filter(invitations__token_hash=token).exists()


def test_the_link_works_without_signing_in_and_a_second_answer_replaces_the_first(
    client, programme, cohort, skills, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    open_start_round(client, programme, django_capture_on_commit_callbacks)
    client.logout()
    url = path_of(links_by_recipient()["person1@example.org"])
    campaigning, speaking = skills

    page = client.get(url)
    client.post(url, {f"skill_{campaigning.pk}": "2", f"skill_{speaking.pk}": "1"})
    again = client.post(url, {f"skill_{campaigning.pk}": "4"})

    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "How your answers are used" in page.text and "Campaigning" in page.text
    assert again.status_code == 302
    assert SkillAnswerSet.objects.count() == 1
    assert list(SkillRating.objects.values_list("skill__name", "rating")) == [("Campaigning", 4)]
    # The person's own link shows their own answers back to them, and nobody else's.
    assert checked(client.get(url)) == {f"skill_{campaigning.pk}": "4"}


def test_a_link_opens_only_its_own_round_and_an_unknown_one_is_refused(
    client, programme, cohort, skills, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    open_start_round(client, programme, django_capture_on_commit_callbacks)
    links = links_by_recipient()
    first = path_of(links["person1@example.org"])
    second = path_of(links["person2@example.org"])
    client.post(first, {f"skill_{skills[0].pk}": "2"})

    assert checked(client.get(first)) == {f"skill_{skills[0].pk}": "2"}
    assert checked(client.get(second)) == {}
    assert client.get("/en/assessments/not-a-real-token/").status_code == 404


def test_a_closed_round_takes_no_more_answers(
    client, programme, cohort, skills, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    open_start_round(client, programme, django_capture_on_commit_callbacks)
    url = path_of(links_by_recipient()["person1@example.org"])
    client.post(rounds_url(programme), {"action": "close", "stage": "start"})

    response = client.post(url, {f"skill_{skills[0].pk}": "3"})

    assert response.status_code == 410
    assert "This round has closed" in response.text
    assert not SkillRating.objects.exists()


def test_the_end_round_waits_for_the_start_round_to_close(client, programme, cohort, reviewer):
    client.force_login(reviewer)

    response = client.post(
        rounds_url(programme),
        {"action": "open", "stage": "end", "closes_on": date.today().isoformat()},
    )

    assert response.status_code == 400
    assert "Open and close the start round before the end round." in response.text
    assert not SkillAssessmentRound.objects.exists()


def test_only_staff_with_access_to_the_programme_open_rounds(client, programme, cohort):
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    response = client.post(
        rounds_url(programme),
        {"action": "open", "stage": "start", "closes_on": date.today().isoformat()},
    )

    assert response.status_code in {302, 403}
    assert not SkillAssessmentRound.objects.exists()


# Answers apart from names, and the report -----------------------------------------------


def answer_both_rounds(programme, cohort, skills, start_ratings, end_ratings):
    """Rounds and answers made through the service, as participants would."""
    today = timezone.localdate()
    start = assessments.open_round(programme, "start", today, by=None)
    invitations = {i.cohort_member_id: i for i in start.invitations.all()}
    for member, rating in zip(cohort, start_ratings, strict=False):
        assessments.submit(invitations[member.pk], {skills[0].pk: rating})
    assessments.close_round(start, by=None)
    end = assessments.open_round(programme, "end", today, by=None)
    invitations = {i.cohort_member_id: i for i in end.invitations.all()}
    for member, rating in zip(cohort, end_ratings, strict=False):
        assessments.submit(invitations[member.pk], {skills[0].pk: rating})
    return end


def test_answers_hold_no_link_to_a_person_and_the_last_one_goes_when_the_end_round_closes(
    programme, cohort, skills
):
    end = answer_both_rounds(programme, cohort, skills, [1, 2, 2, 3, 1, 2], [3, 2, 4, 4, 2, 2])
    person_fields = {
        f.related_model for f in SkillAnswerSet._meta.get_fields() if f.is_relation
    } | {f.related_model for f in SkillRating._meta.get_fields() if f.is_relation}
    assert CohortMember not in person_fields
    assert AssessmentPseudonym.objects.count() == len(cohort)

    assessments.close_round(end, by=None)

    assert not AssessmentPseudonym.objects.exists()
    (line, _speaking) = assessments.skill_changes(programme)
    assert (line.answered_start, line.answered_end, line.change.answered_both) == (6, 6, 6)
    # Changes +2, 0, +2, +1, +1, 0: the median is +1 and four of six moved up.
    assert (line.change.median_display, line.change.share_up) == ("+1", 67)


def test_participants_reporting_growth_is_a_live_figure_once_five_answered_both(
    client, programme, cohort, skills
):
    figure = ProgrammeOutcomeFigure.objects.create(
        page=programme,
        locale=programme.locale,
        label="Reporting growth in campaigning",
        source=ImpactSource.SKILL_GROWTH,
        skill=skills[0],
        unit="people",
    )
    answer_both_rounds(programme, cohort, skills, [1, 2, 2, 3], [3, 2, 4, 4])
    assert figure.delivered_count is None  # four people: too few to show

    # Five people in another programme, three of whom rated campaigning higher.
    other = ProgrammePageFactory(parent=programme.get_parent(), application_deadline=None)
    other.skills.add(*skills)
    other.save()
    people = [
        CohortMember.objects.create(
            programme=other,
            application=Application.objects.create(
                programme=other, name=f"P{n}", email=f"p{n}@example.org"
            ),
            display_name=f"P{n}",
            confirmed_at=timezone.now(),
        )
        for n in range(5)
    ]
    answer_both_rounds(other, people, skills, [1, 2, 2, 3, 4], [3, 2, 4, 4, 3])

    assert count(ImpactSource.SKILL_GROWTH, other, None, None, subject=skills[0].pk) == 3
    assert count(ImpactSource.SKILL_GROWTH, other, None, None, subject=skills[1].pk) is None


def test_a_growth_figure_needs_its_skill(programme, skills):
    from django.core.exceptions import ValidationError

    figure = ProgrammeOutcomeFigure(
        page=programme, label="Growth", source=ImpactSource.SKILL_GROWTH
    )
    with pytest.raises(ValidationError) as error:
        figure.clean()
    assert list(error.value.message_dict) == ["skill"]


def test_deleting_an_account_removes_the_link_and_answers_to_open_rounds(programme, skills, cohort):
    from members.services.member_data import delete_member

    user = UserFactory(email="leaving@example.org")
    member = cohort[1]
    member.user = user
    member.save()
    start = assessments.open_round(programme, "start", timezone.localdate(), by=None)
    invitation = start.invitations.get(cohort_member=member)
    assessments.submit(invitation, {skills[0].pk: 3})
    assert SkillAnswerSet.objects.count() == 1

    delete_member(user)

    assert not SkillAnswerSet.objects.exists()
    assert not AssessmentPseudonym.objects.exists()


def test_a_members_data_download_holds_their_own_answers(programme, skills, cohort):
    from members.services.member_data import export_member_data
    from tests.members.factories import ProfileFactory

    user = ProfileFactory().user
    member = cohort[2]
    member.user = user
    member.save()
    start = assessments.open_round(programme, "start", timezone.localdate(), by=None)
    assessments.submit(start.invitations.get(cohort_member=member), {skills[1].pk: 4})

    data = export_member_data(user)

    assert data["self_assessment"] == [
        {"programme": "Speak Up", "round": "start", "ratings": {"Public speaking": 4}}
    ]
