"""Acceptance: two tabs editing the same plan never overwrite each other silently. Of two saves
from the same version one succeeds; the other is refused with a clear message, its input kept in
the form and the stored version shown beside it, so nothing is lost.

First over HTTP, one tab after the other (any database); then with two threads whose
transactions really overlap (PostgreSQL).
"""


from django.test import Client

import pytest

from coaching.models import ActionPlan, PlanVersion
from skills.models import Skill
from tests.coaching.test_action_plan import fill, first_plan, form_data, plan_url
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    UserFactory,
    accepted_participant,
)

CONFLICT = "Someone saved this plan in another tab or window since you opened it"


def two_tabs(participant):
    tabs = Client(), Client()
    for tab in tabs:
        tab.force_login(participant)
    return tabs


@pytest.mark.django_db
def test_the_later_of_two_tabs_saving_the_same_version_is_refused_and_loses_nothing(
    edition, participant, skill
):
    first, second = two_tabs(participant)
    first_plan(first, edition, skill)
    # Both tabs open version 1.
    in_first = form_data(first.get(plan_url(edition)))
    in_second = form_data(second.get(plan_url(edition)))
    assert in_first["based_on"] == in_second["based_on"] == "1"
    fill(in_first, "goals", 0, title="Grow the membership to 70 companies")
    fill(in_second, "goals", 0, title="Grow the membership to 90 companies")
    fill(in_second, "kpis", 1, name="Events per year", baseline="2", target="6")
    in_second["notes"] = "Written in the second tab."

    saved = first.post(plan_url(edition), in_first)
    refused = second.post(plan_url(edition), in_second)

    assert saved.status_code == 302
    assert refused.status_code == 409
    html = refused.content.decode()
    assert CONFLICT in html
    # The refused input is still in the form…
    editor = refused.context["editor"]
    assert editor.goals.forms[0]["title"].value() == "Grow the membership to 90 companies"
    assert editor.kpis.forms[1]["name"].value() == "Events per year"
    assert editor.form["notes"].value() == "Written in the second tab."
    assert 'value="Grow the membership to 90 companies"' in html
    # …the version stored meanwhile is shown beside it, with what the refused input changes…
    assert refused.context["conflict"].current.number == 2
    assert "The stored version 2" in html
    assert "Grow the membership to 70 companies" in html
    goals = {s.title: s.changes for s in refused.context["draft_changes"]}["Goals"]
    assert [(c.kind, c.new) for c in goals] == [
        ("changed", f"Grow the membership to 90 companies (skill: {skill.name})")
    ]
    # …and the stored plan is the first tab's, untouched by the second.
    plan = ActionPlan.objects.get()
    assert plan.version == 2
    assert plan.goals.get().title == "Grow the membership to 70 companies"
    assert not plan.kpis.filter(name="Events per year").exists()
    assert plan.notes == "Board meeting in March."
    assert list(plan.versions.values_list("number", flat=True)) == [1, 2]

    # Saving the refused input again, having seen the other version, is a deliberate choice.
    assert editor.form["based_on"].value() == "2"
    again = second.post(plan_url(edition), form_data(refused))
    assert again.status_code == 302
    plan.refresh_from_db()
    assert plan.version == 3
    assert plan.goals.get().title == "Grow the membership to 90 companies"
    assert plan.kpis.filter(name="Events per year").exists()


@pytest.mark.django_db
def test_two_tabs_making_the_first_save_give_one_plan_and_one_conflict(edition, participant, skill):
    first, second = two_tabs(participant)
    in_first = form_data(first.get(plan_url(edition)))
    in_second = form_data(second.get(plan_url(edition)))
    fill(in_first, "goals", 0, title="From the first tab")
    fill(in_second, "goals", 0, title="From the second tab")

    assert first.post(plan_url(edition), in_first).status_code == 302
    refused = second.post(plan_url(edition), in_second)

    assert refused.status_code == 409
    assert CONFLICT in refused.content.decode()
    assert refused.context["editor"].goals.forms[0]["title"].value() == "From the second tab"
    plan = ActionPlan.objects.get()
    assert (plan.version, plan.goals.get().title) == (1, "From the first tab")


@pytest.mark.django_db
def test_a_save_from_a_version_that_is_not_the_latest_is_refused_whatever_it_names(
    edition, participant, skill
):
    (tab,) = two_tabs(participant)[:1]
    first_plan(tab, edition, skill)
    data = form_data(tab.get(plan_url(edition)))
    data["based_on"] = "0"

    refused = tab.post(plan_url(edition), data)

    assert refused.status_code == 409
    assert ActionPlan.objects.get().version == 1


# Real concurrent transactions: each request in a thread with a database connection of its own.


@pytest.fixture
def racing_participant(home):
    """A participant of an edition whose course teaches a skill, in committed rows."""
    edition = EditionPageFactory(parent=home, title="Racing edition", slug="racing-edition")
    CourseWithModulesFactory(parent=edition, modules=1)
    participant = UserFactory(display_name="Rita Racer")
    accepted_participant(edition, applicant=participant)
    return edition, participant


def race(edition, participant, forms):
    """POST each form from its own tab, all at once; return the status codes and the titles."""
    results = []

    def save(data):
        def action():
            tab = Client()
            tab.force_login(participant)
            response = tab.post(plan_url(edition), data)
            results.append((response.status_code, data["goals-0-title"]))

        return action

    run_together([save(data) for data in forms])
    return results


@POSTGRESQL_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("start_from", ["an existing plan", "no plan yet"])
def test_two_tabs_saving_at_the_same_moment_give_one_success_and_one_conflict(
    racing_participant, start_from
):
    """Five rounds of two tabs saving from the same version at once; starting from no plan, the
    first round races to create the plan (its uniqueness in the database decides)."""
    edition, participant = racing_participant
    tab = Client()
    tab.force_login(participant)
    if start_from == "an existing plan":
        first_plan(tab, edition, Skill.objects.first())
    opened = form_data(tab.get(plan_url(edition)))
    start = int(opened["based_on"])

    for round_ in range(5):
        forms = [
            fill(dict(opened), "goals", 0, title=f"Round {round_}, tab {number}")
            for number in (1, 2)
        ]
        results = race(edition, participant, forms)

        assert sorted(status for status, _ in results) == [302, 409], results
        winner = next(title for status, title in results if status == 302)
        plan = ActionPlan.objects.get(edition=edition)
        assert plan.version == start + round_ + 1
        assert plan.goals.get().title == winner
        stored = PlanVersion.objects.get(plan=plan, number=plan.version)
        assert stored.content["goals"][0]["title"] == winner
        opened = form_data(tab.get(plan_url(edition)))

    assert PlanVersion.objects.filter(plan__edition=edition).count() == start + 5
