"""Assignments and teams in the admin's "Coaching" menu: an editor sets an assignment with its
rubric on a module, due at a time read in the assignment's zone; staff form teams of an edition's
participants, and every mistake is a form error, never a failure."""

import datetime
import zoneinfo

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from coaching.models import Assignment, Team, TeamMember
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    ModeratorFactory,
    UserFactory,
    accepted_participant,
    team_of,
)

SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def moderator(client):
    client.force_login(ModeratorFactory())
    return client


def assignment_form(target, /, criteria=(), **fields):
    return nested_form_data(
        {
            "page": target.pk,
            "title": "Map your stakeholders",
            "brief": rich_text("<p>Who matters to your cluster, and why?</p>"),
            "due_at": "2027-03-14 17:00",
            "time_zone": "Europe/Sofia",
            "work": "team",
            "accepts": "files",
            "criteria": inline_formset(list(criteria)),
            **fields,
        }
    )


def criterion(skill, **fields):
    return {
        "skill": skill.pk,
        "title": "Names the stakeholders",
        "level_1": "Names a few",
        "level_2": "Names most, with their interests",
        "level_3": "Names all, with interests and influence",
        "level_4": "",
        "level_5": "",
        **fields,
    }


def test_the_assignments_and_teams_are_in_the_coaching_menu(editor):
    page = editor.get(reverse("wagtailadmin_home")).content.decode()

    assert "Coaching" in page
    assert reverse("assignments:index") in page


def test_an_editor_sets_an_assignment_with_a_rubric_on_a_module(editor, edition, module, skill):
    response = editor.post(
        reverse("assignments:add"),
        assignment_form(
            module,
            criteria=[
                criterion(skill),
                criterion(skill, title="Ranks them", level_4="Ranks and plans", level_5="Leads"),
            ],
        ),
    )

    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.page.pk == module.pk
    assert assignment.edition.pk == edition.pk
    assert assignment.is_team_work
    assert assignment.accepts == Assignment.Accepts.FILES
    # 17:00 as read in Sofia, whatever the editor's own zone.
    assert assignment.due_at == datetime.datetime(2027, 3, 14, 17, tzinfo=SOFIA)
    rubric = list(assignment.criteria.order_by("sort_order"))
    assert [(c.title, c.skill, len(c.levels)) for c in rubric] == [
        ("Names the stakeholders", skill, 3),
        ("Ranks them", skill, 5),
    ]


def test_the_due_date_is_shown_in_the_assignments_zone(editor, module):
    assignment = AssignmentFactory(
        page=module,
        due_at=datetime.datetime(2027, 7, 2, 18, 30, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
    )

    edit = editor.get(reverse("assignments:edit", args=[assignment.pk])).content.decode()
    index = editor.get(reverse("assignments:index")).content.decode()

    assert 'value="2027-07-02 18:30"' in edit
    assert "Fri 2 Jul 2027, 18:30 EEST" in index


def test_the_list_is_filtered_by_edition(editor, home, module):
    AssignmentFactory(page=module, title="Ours")
    other_edition = EditionPageFactory(parent=home, title="Other edition", slug="other")
    other_course = CourseWithModulesFactory(parent=other_edition, modules=1)
    AssignmentFactory(page=other_course, title="Theirs")

    listing = editor.get(
        reverse("assignments:index"), {"edition": other_edition.pk}
    ).content.decode()

    assert "Theirs" in listing
    assert "Ours" not in listing


def test_a_page_outside_any_course_or_module_is_refused(editor, edition, home):
    response = editor.post(reverse("assignments:add"), assignment_form(edition))

    assert response.status_code == 200
    assert "Choose a course or a module." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_fifth_level_without_a_fourth_is_a_form_error(editor, module, skill):
    response = editor.post(
        reverse("assignments:add"),
        assignment_form(module, criteria=[criterion(skill, level_5="Leads others")]),
    )

    assert response.status_code == 200
    assert "Describe level 4 before level 5." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_due_time_the_clocks_skip_is_a_form_error(editor, module):
    # Sofia's clocks go from 03:00 to 04:00 on 28 March 2027.
    response = editor.post(
        reverse("assignments:add"), assignment_form(module, due_at="2027-03-28 03:30")
    )

    assert response.status_code == 200
    assert "does not exist or happens twice in Europe/Sofia" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_page_id_beyond_any_key_is_a_form_error(editor, module):
    response = editor.post(
        reverse("assignments:add"), assignment_form(module, page="99999999999999999999")
    )

    assert response.status_code == 200
    assert not Assignment.objects.exists()


def test_learners_cannot_reach_the_assignments_admin(client, participant):
    client.force_login(participant)

    response = client.get(reverse("assignments:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


# Teams


def team_form(edition, members=(), name="The Navigators"):
    return nested_form_data(
        {
            "edition": edition.pk,
            "name": name,
            "members": inline_formset([{"learner": member.pk} for member in members]),
        }
    )


def test_staff_form_a_team_of_participants(moderator, edition, participant):
    colleague = accepted_participant(edition).applicant

    response = moderator.post(reverse("teams:add"), team_form(edition, [participant, colleague]))

    assert response.status_code == 302
    team = Team.objects.get()
    assert team.edition.pk == edition.pk
    assert set(team.members.values_list("learner", flat=True)) == {participant.pk, colleague.pk}
    assert set(TeamMember.objects.values_list("edition", flat=True)) == {edition.pk}


def test_a_learner_who_is_not_a_participant_of_the_edition_is_a_form_error(
    moderator, edition, home
):
    other_edition = EditionPageFactory(parent=home, title="Other edition", slug="other")
    elsewhere = accepted_participant(other_edition).applicant

    response = moderator.post(reverse("teams:add"), team_form(edition, [elsewhere]))

    assert response.status_code == 200
    assert "is not an accepted participant of Coaching edition." in response.content.decode()
    assert not Team.objects.exists()


def test_a_learner_already_in_a_team_of_the_edition_is_a_form_error(
    moderator, edition, participant
):
    team_of(edition, participant, name="First team")

    response = moderator.post(
        reverse("teams:add"), team_form(edition, [participant], name="Second team")
    )

    assert response.status_code == 200
    assert "is already in the team “First team” of this edition" in response.content.decode()
    assert Team.objects.count() == 1


def test_the_same_learner_twice_in_a_team_is_a_form_error(moderator, edition, participant):
    response = moderator.post(reverse("teams:add"), team_form(edition, [participant, participant]))

    assert response.status_code == 200
    assert "is in this team already." in response.content.decode()
    assert not Team.objects.exists()


def test_a_team_name_taken_in_the_edition_is_a_form_error(moderator, edition):
    team_of(edition, name="The Navigators")

    response = moderator.post(reverse("teams:add"), team_form(edition, name="The Navigators"))

    assert response.status_code == 200
    assert "This edition already has a team of that name." in response.content.decode()


def test_a_member_may_stay_when_their_team_is_edited(moderator, edition, participant):
    team = team_of(edition, participant, name="Old name")

    response = moderator.post(
        reverse("teams:edit", args=[team.pk]),
        nested_form_data(
            {
                "edition": edition.pk,
                "name": "New name",
                "members": inline_formset(
                    [{"id": team.members.get().pk, "learner": participant.pk}], initial=1
                ),
            }
        ),
    )

    assert response.status_code == 302
    team.refresh_from_db()
    assert team.name == "New name"
    assert list(team.members.values_list("learner", flat=True)) == [participant.pk]


def test_editors_do_not_form_teams(editor):
    assert editor.get(reverse("teams:index")).status_code == 302


def test_only_participants_are_offered_as_members(moderator, edition, participant):
    UserFactory(display_name="Not A Participant")

    page = moderator.get(reverse("teams:add")).content.decode()

    assert "Petra Participant" in page
    assert "Not A Participant" not in page
