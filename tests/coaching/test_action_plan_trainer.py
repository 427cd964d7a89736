"""The trainers' side of the action plan, in the admin: the list of plans shared with them, one
plan read-only with a comment form on each goal and action, and its PDF. A trainer reaches only
the shared plans of the editions they train; staff who see every edition's work, every shared
plan. The participant is emailed about each comment and reads it in place on their plan."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from coaching import plans
from coaching.models import ActionPlan, PlanAction, PlanComment, PlanGoal
from tests.coaching.test_action_plan import (
    fill,
    form_data,
    plan_url,
    saved_plan,
)
from tests.factories import (
    EditionPageFactory,
    EditorFactory,
    ModeratorFactory,
    UserFactory,
    accepted_participant,
    trainer_of,
)
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

PLANS = "/admin/coaching/plans/"


def plan_admin_url(plan, name="coaching_plan"):
    return reverse(name, args=[plan.pk])


@pytest.fixture
def shared(edition, participant, skill):
    plan = saved_plan(participant, edition, skill, goals=["Grow the membership"])
    plans.share(plan)
    return plan


@pytest.fixture
def other_edition_trainer(home):
    return trainer_of(
        EditionPageFactory(parent=home, title="Other edition", slug="other-edition"),
        UserFactory(display_name="Otto Othertrainer"),
    )


def test_the_admin_urls_are_those_of_the_contract(shared):
    assert reverse("coaching_plans") == "/admin/coaching/plans/"
    assert plan_admin_url(shared) == f"/admin/coaching/plans/{shared.pk}/"
    assert plan_admin_url(shared, "coaching_plan_pdf_admin") == (
        f"/admin/coaching/plans/{shared.pk}/plan.pdf"
    )


def test_a_trainer_lists_the_plans_shared_with_them(client, edition, trainer, shared, skill):
    unshared_author = UserFactory(display_name="Una Unshared")
    accepted_participant(edition, applicant=unshared_author)
    saved_plan(unshared_author, edition, skill, goals=["Kept to myself"])
    client.force_login(trainer)

    page = client.get(PLANS)

    assert page.status_code == 200
    listed = list(page.context["plans"])
    assert listed == [shared]
    assert (listed[0].goal_count, listed[0].action_count) == (1, 1)
    html = page.content.decode()
    assert "Petra Participant" in html and "Una Unshared" not in html
    assert plan_admin_url(shared) in html


def test_staff_who_see_every_edition_list_every_shared_plan(client, home, trainer, shared, skill):
    elsewhere = EditionPageFactory(parent=home, title="Other edition", slug="other-edition")
    author = UserFactory()
    accepted_participant(elsewhere, applicant=author)
    plan_elsewhere = saved_plan(author, elsewhere, skill)
    plans.share(plan_elsewhere)

    client.force_login(ModeratorFactory())
    assert set(client.get(PLANS).context["plans"]) == {shared, plan_elsewhere}
    assert client.get(plan_admin_url(plan_elsewhere)).status_code == 200

    client.force_login(trainer)
    assert list(client.get(PLANS).context["plans"]) == [shared]


def test_a_trainer_reads_a_shared_plan_and_comments_on_a_goal(
    client, trainer, participant, shared, mailoutbox
):
    goal = shared.goals.get()
    mailoutbox.clear()  # The participant's acceptance.
    client.force_login(trainer)

    page = client.get(plan_admin_url(shared))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Grow the membership" in html and "Survey the members" in html
    assert "Your comment on goal 1" in html and "Your comment on action 1" in html

    response = client.post(
        plan_admin_url(shared), {"target": f"goal-{goal.pk}", "body": "Name three companies."}
    )

    assert response.status_code == 302
    assert response["Location"] == plan_admin_url(shared) + f"#goal-{goal.pk}"
    note = PlanComment.objects.get()
    assert (note.goal, note.action, note.author, note.body) == (
        goal,
        None,
        trainer,
        "Name three companies.",
    )
    assert note.about == "Goal: Grow the membership"
    assert [message.to for message in mailoutbox] == [[participant.email]]
    email = mailoutbox[0]
    assert email.subject == "Tessa Trainer commented on your action plan"
    assert "Name three companies." in email.body
    assert plan_url(shared.edition) in email.body
    followed = client.get(response["Location"])
    assert "Petra Participant is told by email" in followed.content.decode()
    assert "Name three companies." in followed.content.decode()

    # The participant reads it in place, on the goal's row of their plan.
    client.force_login(participant)
    mine = client.get(plan_url(shared.edition))
    assert mine.context["goal_rows"][0][1] == [note]


def test_a_trainer_comments_on_an_action(client, trainer, shared, mailoutbox):
    action = shared.actions.get()
    mailoutbox.clear()  # The participant's acceptance.
    client.force_login(trainer)

    response = client.post(
        plan_admin_url(shared), {"target": f"action-{action.pk}", "body": "By when exactly?"}
    )

    assert response.status_code == 302
    assert PlanComment.objects.get().action == action
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"target": "goal-{goal}", "body": ""}, "Write your comment before sending it."),
        ({"target": "goal-{goal}", "body": "x" * 3001}, "at most 3000 characters"),
        ({"target": "goal-{foreign}", "body": "Hello"}, "no longer in the plan"),
        ({"target": "plan-1", "body": "Hello"}, "Comment on a goal or an action of this plan."),
        ({"target": "goal-abc", "body": "Hello"}, "Comment on a goal or an action of this plan."),
        (
            {"target": "goal-99999999999999999999999", "body": "Hello"},
            "Comment on a goal or an action of this plan.",
        ),
        ({"body": "Hello"}, "This field is required."),
    ],
)
def test_a_comment_that_cannot_be_taken_is_a_clear_error(
    client, edition, trainer, shared, skill, mailoutbox, post, message
):
    other = UserFactory()
    accepted_participant(edition, applicant=other)
    foreign = saved_plan(other, edition, skill, goals=["Someone else's goal"]).goals.get()
    data = {
        key: value.format(goal=shared.goals.get().pk, foreign=foreign.pk)
        for key, value in post.items()
    }
    mailoutbox.clear()  # The participants' acceptances.
    client.force_login(trainer)

    response = client.post(plan_admin_url(shared), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlanComment.objects.exists()
    assert not mailoutbox


def test_a_goal_edited_after_a_comment_keeps_it_for_the_trainer_too(
    client, trainer, participant, shared
):
    goal = shared.goals.get()
    plans.comment(shared, trainer, goal, "Which companies?")
    client.force_login(participant)
    data = form_data(client.get(plan_url(shared.edition)))
    fill(data, "goals", 0, title="Grow the membership with three anchors")
    assert client.post(plan_url(shared.edition), data).status_code == 302

    client.force_login(trainer)
    page = client.get(plan_admin_url(shared))

    goal_entry, comments, _ = page.context["goals"][0]
    assert goal_entry.title == "Grow the membership with three anchors"
    assert [note.body for note in comments] == ["Which companies?"]


def test_the_trainer_downloads_the_shared_plan_as_a_pdf(client, trainer, shared):
    client.force_login(trainer)

    response = client.get(plan_admin_url(shared, "coaching_plan_pdf_admin"))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Grow the membership" in pdf_text(response.content)


# Who reaches which plan.

ADMIN_VIEWS = ["coaching_plan", "coaching_plan_pdf_admin"]


@pytest.mark.parametrize("name", ADMIN_VIEWS)
def test_a_plan_not_shared_is_404_to_the_editions_trainer(
    client, edition, participant, trainer, skill, name
):
    plan = saved_plan(participant, edition, skill)
    client.force_login(trainer)

    assert client.get(plan_admin_url(plan, name)).status_code == 404
    assert list(client.get(PLANS).context["plans"]) == []


@pytest.mark.parametrize("name", ADMIN_VIEWS)
def test_a_shared_plan_of_another_edition_is_404_to_a_trainer(
    client, shared, other_edition_trainer, name
):
    client.force_login(other_edition_trainer)

    assert client.get(plan_admin_url(shared, name)).status_code == 404
    assert list(client.get(PLANS).context["plans"]) == []


def test_another_editions_trainer_cannot_comment(client, shared, other_edition_trainer):
    client.force_login(other_edition_trainer)

    response = client.post(
        plan_admin_url(shared), {"target": f"goal-{shared.goals.get().pk}", "body": "Psst"}
    )

    assert response.status_code == 404
    assert not PlanComment.objects.exists()


def test_a_plan_unshared_is_gone_for_the_trainer(client, trainer, shared):
    plans.unshare(shared)
    client.force_login(trainer)

    assert client.get(plan_admin_url(shared)).status_code == 404


@pytest.mark.parametrize("name", ["plan", "plan_versions", "plan_pdf"])
def test_the_trainer_does_not_reach_the_participants_own_pages(client, trainer, shared, name):
    client.force_login(trainer)

    assert client.get(plan_url(shared.edition, name)).status_code == 404


def test_learners_do_not_reach_the_admin_views(client, participant, shared):
    client.force_login(participant)
    for url in (PLANS, plan_admin_url(shared), plan_admin_url(shared, "coaching_plan_pdf_admin")):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_editor_without_coaching_rights_is_refused_the_list(client, shared):
    client.force_login(EditorFactory())

    # Wagtail answers a refused admin page by sending back to the dashboard, with a message.
    for url in (PLANS, plan_admin_url(shared)):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_admin_views_take_only_their_methods(client, trainer, shared):
    client.force_login(trainer)

    assert client.post(PLANS).status_code == 405
    assert client.post(plan_admin_url(shared, "coaching_plan_pdf_admin")).status_code == 405
    assert client.delete(plan_admin_url(shared)).status_code == 405


def test_the_coaching_menu_offers_action_plans_to_trainers_and_staff(client, trainer, shared):
    client.force_login(trainer)
    assert PLANS in client.get("/admin/").content.decode()

    client.force_login(EditorFactory())
    assert PLANS not in client.get("/admin/").content.decode()


# The list's cost does not grow with the plans listed.


def share_plans(edition, count):
    learners = UserFactory.create_batch(count)
    shared = ActionPlan.objects.bulk_create(
        ActionPlan(learner=learner, edition=edition, version=1, shared_with_trainers=True)
        for learner in learners
    )
    shared = ActionPlan.objects.filter(edition=edition)
    PlanGoal.objects.bulk_create(PlanGoal(plan=plan, title="A goal") for plan in shared)
    PlanAction.objects.bulk_create(
        PlanAction(plan=plan, title=f"Action {n}") for plan in shared for n in range(2)
    )


def test_the_trainers_plan_list_costs_the_same_for_5_and_200_plans(
    client, home, trainer, edition, django_assert_num_queries
):
    client.force_login(trainer)
    share_plans(edition, 5)
    client.get(PLANS)  # The first admin page of a session settles what every page caches.
    with CaptureQueriesContext(connection) as few:
        page = client.get(PLANS)
    assert len(page.context["plans"]) == 5

    share_plans(edition, 195)
    with django_assert_num_queries(len(few)):
        page = client.get(PLANS)

    assert page.context["plans"].paginator.count == 200
    assert all(plan.goal_count == 1 and plan.action_count == 2 for plan in page.context["plans"])
