"""A participant keeps their strategic action plan for the edition: goals linked to skills,
actions, KPIs and notes; every save is a version they can compare with another; they share it
with the trainers, read their comments in place and download the plan as a PDF. Nobody else
reaches it, and no input, however odd, gets a 500."""

import datetime
from decimal import Decimal

from django.urls import reverse

import pytest

from coaching import plans
from coaching.models import ActionPlan, PlanComment, PlanGoal, PlanVersion
from cohorts.models import Application
from skills.models import Skill
from tests.factories import (
    EditionPageFactory,
    SkillFactory,
    UserFactory,
    accepted_participant,
    action_plan,
    trainer_of,
)
from tests.pdfs import pdf_text
from tests.security.hostile import INJECTIONS, NASTY

pytestmark = pytest.mark.django_db


# What the tests of the action plan share (also imported by test_action_plan_concurrency.py and
# test_action_plan_trainer.py).


def plan_url(edition, name="plan"):
    return reverse(f"coaching:{name}", args=[edition.pk])


def form_data(response):
    """What a browser sends back from the plan form as the response rendered it, unchanged."""
    editor = response.context["editor"]
    forms = [editor.form]
    for formset in editor.formsets:
        forms += [formset.management_form, *formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            data[field.html_name] = "" if value is None else str(value)
    return data


def fill(data, prefix, index, **values):
    """Type `values` into row `index` (from 0) of a section: goals, actions or kpis."""
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = str(value)
    return data


def first_plan(client, edition, skill, goal="Grow the membership to 60 companies"):
    """The participant opens the empty plan, writes a goal, an action serving it and a KPI, and
    saves: version 1."""
    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 0, title=goal, skill=skill.pk)
    fill(
        data,
        "actions",
        0,
        title="Survey the members' needs",
        goal="goal-1",
        owner="Petra",
        due_on="2026-03-31",
        status="in_progress",
    )
    fill(data, "kpis", 0, name="Member companies", unit="companies", baseline="40", target="60")
    data["notes"] = "Board meeting in March."
    response = client.post(plan_url(edition), data)
    assert response.status_code == 302, response.context and errors_of(response)
    return ActionPlan.objects.get(edition=edition)


def errors_of(response):
    editor = response.context["editor"]
    return [
        editor.form.errors,
        *[(formset.errors, formset.non_form_errors()) for formset in editor.formsets],
    ]


def saved_plan(learner, edition, skill, goals=("Grow the membership",), notes=""):
    """A plan saved through the service, for tests about what comes after a save."""
    return plans.save_plan(
        learner,
        edition,
        based_on=0,
        goals=[{"id": None, "title": title, "skill": skill} for title in goals],
        actions=[
            {
                "id": None,
                "title": "Survey the members",
                "goal": 0,
                "owner": "Petra",
                "due_on": datetime.date(2026, 3, 31),
                "status": "planned",
            }
        ],
        kpis=[
            {
                "id": None,
                "name": "Members",
                "unit": "companies",
                "baseline": Decimal(40),
                "target": Decimal(60),
            }
        ],
        notes=notes,
        by=learner,
    )


# The participant's story.


def test_a_participant_writes_their_plan_and_each_save_is_a_version(
    client, edition, participant, skill
):
    client.force_login(participant)
    page = client.get(plan_url(edition))
    assert page.status_code == 200
    assert "My action plan" in page.content.decode()

    plan = first_plan(client, edition, skill)

    assert plan.learner == participant and plan.version == 1
    goal = plan.goals.get()
    assert (goal.title, goal.skill) == ("Grow the membership to 60 companies", skill)
    action = plan.actions.get()
    assert action.goal == goal
    assert (action.owner, action.due_on, action.status) == (
        "Petra",
        datetime.date(2026, 3, 31),
        "in_progress",
    )
    kpi = plan.kpis.get()
    assert (kpi.unit, kpi.baseline, kpi.target) == ("companies", Decimal(40), Decimal(60))
    version = plan.versions.get()
    assert version.number == 1 and version.saved_by == participant
    assert version.content["goals"] == [
        {"title": "Grow the membership to 60 companies", "skill": skill.name}
    ]
    assert version.content["actions"][0]["goal"] == "Grow the membership to 60 companies"
    assert version.content["kpis"][0] == {
        "name": "Member companies",
        "unit": "companies",
        "baseline": "40",
        "target": "60",
    }
    assert version.content["notes"] == "Board meeting in March."

    # The page shows the saved plan, with the message; saving it again unchanged is version 2.
    page = client.get(plan_url(edition))
    html = page.content.decode()
    assert "Your action plan is saved as version 1." in html
    assert "Grow the membership to 60 companies" in html
    assert client.post(plan_url(edition), form_data(page)).status_code == 302
    plan.refresh_from_db()
    assert plan.version == 2
    assert list(plan.versions.values_list("number", flat=True)) == [1, 2]
    assert plan.goals.get().pk == goal.pk, "an unchanged goal is the same row"


def test_comparing_two_versions_shows_what_was_added_removed_and_changed(
    client, edition, participant, skill
):
    client.force_login(participant)
    first_plan(client, edition, skill)
    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 0, title="Grow the membership to 80 companies")
    fill(data, "goals", 1, title="Launch a members' academy")
    fill(data, "kpis", 0, DELETE="on")
    data["notes"] = "Board meeting in April."
    assert client.post(plan_url(edition), data).status_code == 302

    page = client.get(plan_url(edition, "plan_versions"), {"a": 1, "b": 2})

    assert page.status_code == 200
    sections = {section.title: section.changes for section in page.context["comparison"]}
    assert [(c.kind, c.old, c.new) for c in sections["Goals"]] == [
        (
            "changed",
            f"Grow the membership to 60 companies (skill: {skill.name})",
            f"Grow the membership to 80 companies (skill: {skill.name})",
        ),
        ("added", "", "Launch a members' academy"),
    ]
    assert [(c.kind, c.old) for c in sections["KPIs"]] == [
        ("removed", "Member companies: baseline 40 companies, target 60 companies")
    ]
    # The action's goal was renamed with it.
    assert [c.kind for c in sections["Actions"]] == ["changed"]
    assert "goal: Grow the membership to 80 companies" in sections["Actions"][0].new
    assert [(c.old, c.new) for c in sections["Notes"]] == [
        ("Board meeting in March.", "Board meeting in April.")
    ]
    html = page.content.decode()
    assert "What changed from version 1 to version 2" in html
    assert "<ins>Launch a members&#x27; academy</ins>" in html


def test_the_versions_page_lists_every_version_and_preselects_the_last_two(
    client, edition, participant, skill
):
    plan = saved_plan(participant, edition, skill)
    for _ in range(2):
        plan = plans.save_plan(
            participant,
            edition,
            based_on=plan.version,
            goals=[],
            actions=[],
            kpis=[],
            notes=f"Notes of version {plan.version + 1}",
            by=participant,
        )
    client.force_login(participant)

    page = client.get(plan_url(edition, "plan_versions"))

    assert [v.number for v in page.context["versions"]] == [3, 2, 1]
    assert (page.context["a"], page.context["b"]) == ("2", "3")
    assert page.context["comparison"] is None


@pytest.mark.parametrize(
    "query",
    [
        {"a": "1", "b": "9"},
        {"a": "x", "b": "1"},
        {"a": "99999999999999999999999999", "b": "1"},
        {"a": "1"},
        {"a": "", "b": ""},
        {"a": "-1", "b": "1"},
    ],
)
def test_comparing_versions_that_do_not_exist_is_a_clear_400(
    client, edition, participant, skill, query
):
    saved_plan(participant, edition, skill)
    client.force_login(participant)

    page = client.get(plan_url(edition, "plan_versions"), query)

    assert page.status_code == 400
    assert "Choose two versions of your plan to compare." in page.content.decode()


def test_trainers_comments_stay_on_a_goal_the_participant_edits(
    client, edition, participant, trainer, skill
):
    plan = saved_plan(participant, edition, skill, goals=["Grow the membership"])
    plans.share(plan)
    goal = plan.goals.get()
    plans.comment(plan, trainer, goal, "Which companies first? Name three.")
    client.force_login(participant)

    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 0, title="Grow the membership with three anchor companies")
    assert client.post(plan_url(edition), data).status_code == 302

    note = PlanComment.objects.get()
    assert note.goal == goal
    goal.refresh_from_db()
    assert goal.title == "Grow the membership with three anchor companies"
    page = client.get(plan_url(edition))
    goal_rows = page.context["goal_rows"]
    assert goal_rows[0][1] == [note], "the comment is shown on its goal's row"
    assert "Which companies first? Name three." in page.content.decode()


def test_a_comment_on_a_removed_goal_stays_readable(client, edition, participant, trainer, skill):
    plan = saved_plan(participant, edition, skill, goals=["Grow the membership", "Export"])
    plans.share(plan)
    plans.comment(plan, trainer, plan.goals.get(title="Export"), "Too vague for now.")
    client.force_login(participant)

    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 1, DELETE="on")
    assert client.post(plan_url(edition), data).status_code == 302

    assert list(plan.goals.values_list("title", flat=True)) == ["Grow the membership"]
    page = client.get(plan_url(edition))
    assert [note.body for note in page.context["removed_comments"]] == ["Too vague for now."]
    html = page.content.decode()
    assert "Comments on goals and actions since removed" in html
    assert "Goal: Export" in html


def test_an_action_may_serve_a_goal_added_in_the_same_save(client, edition, participant, skill):
    client.force_login(participant)
    first_plan(client, edition, skill)
    data = form_data(client.get(plan_url(edition)))
    # Row 2 of the goals is blank in the form; the new action names it.
    fill(data, "goals", 1, title="Open an office in Brussels")
    fill(data, "actions", 1, title="Find a desk", goal="goal-2", status="planned")

    assert client.post(plan_url(edition), data).status_code == 302

    action = ActionPlan.objects.get().actions.get(title="Find a desk")
    assert action.goal.title == "Open an office in Brussels"


def test_an_action_cannot_serve_a_goal_removed_in_the_same_save(
    client, edition, participant, skill
):
    client.force_login(participant)
    first_plan(client, edition, skill)
    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 0, DELETE="on")

    response = client.post(plan_url(edition), data)

    assert response.status_code == 400
    form = response.context["editor"].actions.forms[0]
    assert form.errors["goal"] == [
        "Goal 1 is empty or removed in this save: choose another goal, or none."
    ]
    assert ActionPlan.objects.get().version == 1


def test_sharing_with_the_trainers_and_stopping(client, edition, participant, skill):
    plan = saved_plan(participant, edition, skill)
    client.force_login(participant)

    response = client.post(plan_url(edition, "plan_share"), {"share": "yes"})

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.shared_with_trainers and plan.shared_at is not None
    assert "Your plan is shared with the edition" in client.get(plan_url(edition)).content.decode()

    client.post(plan_url(edition, "plan_share"), {"share": "no"})
    plan.refresh_from_db()
    assert not plan.shared_with_trainers and plan.shared_at is None


def test_a_plan_is_shared_only_once_saved(client, edition, participant):
    client.force_login(participant)

    response = client.post(plan_url(edition, "plan_share"), {"share": "yes"}, follow=True)

    assert "Save your plan before you share it." in response.content.decode()
    assert not ActionPlan.objects.exists()


def test_sharing_asks_yes_or_no_and_only_by_post(client, edition, participant, skill):
    saved_plan(participant, edition, skill)
    client.force_login(participant)

    assert client.post(plan_url(edition, "plan_share"), {"share": "maybe"}).status_code == 400
    assert client.get(plan_url(edition, "plan_share")).status_code == 405
    assert not ActionPlan.objects.get().shared_with_trainers


def test_the_plan_downloads_as_a_pdf_with_its_content(client, edition, participant, skill):
    participant.display_name = "Łucja Wąs"
    participant.save()
    saved_plan(participant, edition, skill, goals=["Raise €2m for the cluster’s labs"])
    client.force_login(participant)

    response = client.get(plan_url(edition, "plan_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="action-plan-{edition.slug}.pdf"'
    )
    text = pdf_text(response.content)
    assert "Łucja Wąs" in text
    assert "Raise €2m for the cluster’s labs" in text
    assert "Survey the members" in text


def test_the_pdf_writes_every_european_script_as_typed(client, edition, participant, skill):
    """The PDF carries its own Unicode font: Polish, Greek and the euro sign come out as the
    participant typed them, whatever fonts the server has."""
    goal = "Łódź cluster: €2 m for Ελλάδα"
    saved_plan(participant, edition, skill, goals=[goal])
    client.force_login(participant)

    response = client.get(plan_url(edition, "plan_pdf"))

    assert response.status_code == 200
    assert goal in pdf_text(response.content)


def test_the_pdf_lays_out_long_unbroken_text(client, edition, participant, skill):
    saved_plan(participant, edition, skill, goals=["g" * 200], notes="n" * 10000)
    client.force_login(participant)

    response = client.get(plan_url(edition, "plan_pdf"))

    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_there_is_no_pdf_before_the_first_save(client, edition, participant):
    action_plan(participant, edition)
    client.force_login(participant)

    assert client.get(plan_url(edition, "plan_pdf")).status_code == 404


# Who reaches a plan.


@pytest.mark.parametrize("name", ["plan", "plan_versions", "plan_pdf"])
def test_a_learner_who_is_not_a_participant_gets_404(client, edition, participant, skill, name):
    saved_plan(participant, edition, skill)
    client.force_login(UserFactory())

    assert client.get(plan_url(edition, name)).status_code == 404


def test_a_non_participant_cannot_create_a_plan(client, edition, skill):
    outsider = UserFactory()
    client.force_login(outsider)
    data = {
        "based_on": "0",
        "notes": "Mine now",
        **{f"{p}-TOTAL_FORMS": "0" for p in ("goals", "actions", "kpis")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("goals", "actions", "kpis")},
    }

    assert client.post(plan_url(edition), data).status_code == 404
    assert client.post(plan_url(edition, "plan_share"), {"share": "yes"}).status_code == 404
    with pytest.raises(plans.PlanRefused):
        plans.save_plan(outsider, edition, 0, [], [], [], "Mine now", by=outsider)
    assert not ActionPlan.objects.exists()


def test_another_participant_of_the_edition_sees_only_their_own_plan(
    client, edition, participant, skill
):
    saved_plan(participant, edition, skill, goals=["Petra's secret goal"])
    other = UserFactory()
    accepted_participant(edition, applicant=other)
    client.force_login(other)

    page = client.get(plan_url(edition))

    assert page.status_code == 200
    assert "Petra&#x27;s secret goal" not in page.content.decode()
    assert page.context["plan"] is None
    assert client.get(plan_url(edition, "plan_pdf")).status_code == 404
    assert client.get(plan_url(edition, "plan_versions")).context["versions"] == []


def test_a_participants_plan_of_another_edition_is_theirs_alone(
    client, home, edition, participant, skill
):
    saved_plan(participant, edition, skill, goals=["Goal in the first edition"])
    second = EditionPageFactory(parent=home, title="Second edition", slug="second-edition")
    accepted_participant(second, applicant=participant)
    client.force_login(participant)

    page = client.get(plan_url(second))

    assert page.status_code == 200 and page.context["plan"] is None
    assert "Goal in the first edition" not in page.content.decode()


def test_the_plan_pages_ask_visitors_to_sign_in(client, edition):
    for name in ("plan", "plan_versions", "plan_pdf"):
        response = client.get(plan_url(edition, name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_edition_that_does_not_exist_is_404(client, participant):
    client.force_login(participant)
    for edition_id in (987654, 2**63 - 1):
        assert client.get(f"/learning/editions/{edition_id}/action-plan/").status_code == 404


# Hostile and mistaken input: a form error, never a 500.


def post_changed(client, learner, edition, **changes):
    client.force_login(learner)
    data = form_data(client.get(plan_url(edition)))
    data.update({key: str(value) for key, value in changes.items()})
    return client.post(plan_url(edition), data)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kpis-0-target", "1" + "0" * 40, "at most 12 digits before the decimal point"),
        ("kpis-0-baseline", "1e400", "at most 12 digits before the decimal point"),
        ("kpis-0-target", "NaN", "Enter a number"),
        ("kpis-0-target", "12.345", "at most 2 decimal places"),
        ("actions-0-due_on", "2026-02-30", "Enter a real date"),
        ("actions-0-due_on", "31/31/2026", "Enter a real date"),
        ("actions-0-due_on", "99999-01-01", "Enter a real date"),
        ("actions-0-goal", "goal-99", "Choose one of this plan's goals, or none."),
        ("actions-0-status", "finished", "Select a valid choice"),
        ("goals-0-skill", "99999999999999999999", "Choose a skill of the academy's skills list."),
        ("goals-0-title", "x" * 201, "at most 200 characters"),
        ("goals-0-title", "", "Write the goal, or tick “Remove” to drop the row."),
        ("notes", "n" * 10001, "at most 10000 characters"),
    ],
)
def test_bad_input_is_a_form_error_and_stores_nothing(
    client, edition, participant, skill, field, value, message
):
    saved_plan(participant, edition, skill)

    response = post_changed(client, participant, edition, **{field: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your plan is not saved: correct what is marked below" in html
    assert message.replace("'", "&#x27;") in html
    assert ActionPlan.objects.get(learner=participant).version == 1


def test_a_foreign_goal_id_as_an_actions_goal_is_refused(client, edition, participant, skill):
    saved_plan(participant, edition, skill)
    other = UserFactory()
    accepted_participant(edition, applicant=other)
    foreign = saved_plan(other, edition, skill, goals=["Someone else's goal"]).goals.get()

    response = post_changed(client, participant, edition, **{"actions-0-goal": foreign.pk})

    assert response.status_code == 400
    assert "Choose one of this plan&#x27;s goals, or none." in response.content.decode()


def test_a_forged_row_key_never_touches_another_plan(client, edition, participant, skill):
    saved_plan(participant, edition, skill)
    other = UserFactory()
    accepted_participant(edition, applicant=other)
    foreign = saved_plan(other, edition, skill, goals=["Someone else's goal"]).goals.get()

    response = post_changed(
        client, participant, edition, **{"goals-0-id": foreign.pk, "goals-0-title": "Hijacked"}
    )

    assert response.status_code == 302
    foreign.refresh_from_db()
    assert foreign.title == "Someone else's goal" and foreign.plan.learner == other
    mine = ActionPlan.objects.get(learner=participant)
    assert list(mine.goals.values_list("title", flat=True)) == ["Hijacked"]


@pytest.mark.parametrize(
    "changes",
    [
        {"based_on": "99999999999999999999999"},
        {"based_on": "-1"},
        {"based_on": "one"},
        {"goals-TOTAL_FORMS": "100000000"},
        {"actions-TOTAL_FORMS": "x"},
        {"goals-0-id": "99999999999999999999999"},
        {"kpis-0-id": "-4"},
    ],
)
def test_forged_form_fields_are_refused_without_a_500(client, edition, participant, skill, changes):
    saved_plan(participant, edition, skill)

    response = post_changed(client, participant, edition, **changes)

    assert response.status_code == 400
    assert ActionPlan.objects.get().version == 1


def test_a_form_without_its_rows_is_refused(client, edition, participant, skill):
    saved_plan(participant, edition, skill)
    client.force_login(participant)

    response = client.post(plan_url(edition), {"based_on": "1", "notes": ""})

    assert response.status_code == 400
    assert ActionPlan.objects.get().goals.count() == 1


def test_too_many_rows_are_refused(client, edition, participant, skill):
    saved_plan(participant, edition, skill)
    client.force_login(participant)
    data = form_data(client.get(plan_url(edition)))
    data["goals-TOTAL_FORMS"] = "21"
    for index in range(21):
        fill(data, "goals", index, title=f"Goal {index}")

    response = client.post(plan_url(edition), data)

    assert response.status_code == 400
    assert "Please submit at most 20 forms." in response.content.decode()


def test_a_skill_is_chosen_from_the_taxonomy(client, edition, participant, skill):
    other_skill = SkillFactory(name="Foresight")
    client.force_login(participant)
    page = client.get(plan_url(edition))
    choices = page.context["editor"].goals.forms[0].fields["skill"].choices
    offered = {key for _, group in choices[1:] for key, _ in group}

    assert offered == set(Skill.objects.values_list("pk", flat=True))
    assert other_skill.pk in offered


def test_versions_keep_what_the_plan_was_even_after_a_skill_is_renamed(edition, participant, skill):
    plan = saved_plan(participant, edition, skill)
    old_name = skill.name
    skill.name = "Renamed skill"
    skill.save()

    version = PlanVersion.objects.get(plan=plan)

    assert version.content["goals"][0]["skill"] == old_name
    assert PlanGoal.objects.get().skill.name == "Renamed skill"


def test_a_former_participant_reads_their_plan_but_no_longer_changes_it(
    client, edition, participant, skill
):
    saved_plan(participant, edition, skill, goals=["Grow the membership"])
    Application.objects.filter(applicant=participant).update(status=Application.Status.WITHDRAWN)
    client.force_login(participant)

    page = client.get(plan_url(edition))
    assert page.status_code == 200 and "Grow the membership" in page.content.decode()
    assert client.get(plan_url(edition, "plan_pdf")).status_code == 200

    response = client.post(plan_url(edition), form_data(page))

    assert response.status_code == 403
    assert "Only the edition&#x27;s participants keep an action plan in it." in (
        response.content.decode()
    )
    assert ActionPlan.objects.get().version == 1


def test_a_trainer_sees_no_plan_page_of_their_own(client, edition, trainer):
    client.force_login(trainer)
    assert client.get(plan_url(edition)).status_code == 404


def test_an_unknown_plan_version_cannot_be_the_start_of_a_first_save(edition, participant):
    with pytest.raises(plans.PlanConflict) as conflict:
        plans.save_plan(participant, edition, 3, [], [], [], "", by=participant)
    assert conflict.value.current is None
    assert not ActionPlan.objects.exists()


def test_only_the_trainers_a_plan_is_shared_with_may_comment_on_it(
    home, edition, participant, trainer, skill
):
    plan = saved_plan(participant, edition, skill)
    goal = plan.goals.get()
    with pytest.raises(plans.PlanRefused):
        plans.comment(plan, trainer, goal, "Before it is shared")
    plans.share(plan)
    other_trainer = trainer_of(EditionPageFactory(parent=home), UserFactory())
    with pytest.raises(plans.PlanRefused):
        plans.comment(plan, other_trainer, goal, "From another edition")
    with pytest.raises(plans.PlanRefused):
        plans.comment(plan, participant, goal, "From the participant")

    plans.comment(plan, trainer, goal, "From the edition's trainer")

    assert list(PlanComment.objects.values_list("body", flat=True)) == [
        "From the edition's trainer"
    ]


@pytest.mark.parametrize("value", NASTY)
def test_nasty_values_in_every_field_never_cause_a_500(client, edition, participant, skill, value):
    saved_plan(participant, edition, skill)
    client.force_login(participant)
    data = form_data(client.get(plan_url(edition)))
    for name in list(data):
        if not name.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")):
            data[name] = value

    assert client.post(plan_url(edition), data).status_code in (302, 400, 409)
    versions = client.get(plan_url(edition, "plan_versions"), {"a": value, "b": value})
    assert versions.status_code in (200, 400)
    assert client.get(plan_url(edition, "plan_pdf")).status_code == 200


@pytest.mark.parametrize(("injection", "escaped"), INJECTIONS.items())
def test_what_a_participant_writes_is_shown_as_text_everywhere(
    client, edition, participant, trainer, skill, injection, escaped
):
    plan = saved_plan(participant, edition, skill, goals=["Grow the membership"])
    plans.share(plan)
    client.force_login(participant)
    data = form_data(client.get(plan_url(edition)))
    fill(data, "goals", 0, title=injection)
    assert client.post(plan_url(edition), data).status_code == 302

    pages = [
        client.get(plan_url(edition)),
        client.get(plan_url(edition, "plan_versions"), {"a": 1, "b": 2}),
    ]
    client.force_login(trainer)
    pages.append(client.get(reverse("coaching_plan", args=[plan.pk])))
    for page in pages:
        assert page.status_code == 200
        assert escaped in page.content.decode()
        assert injection not in page.content.decode() or injection == escaped
