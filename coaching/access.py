"""Who may read which work: a rule written once, for the views, the API and the reports.

A learner reads their own submissions and their team's, and their own action plan. A trainer
reads the submissions of the editions they train (cohorts.models.editions_trained) and the plans
their participants shared. Staff (those who may view every submission: moderators, superusers)
read every edition's.
"""

from django.db.models import Q

from coaching.models import ActionPlan, Submission, Team
from cohorts.models import Application, editions_trained
from courses.models import EditionPage


def coaches(user):
    """Who opens the admin's grading and action-plan views: trainers (the Trainers group) and
    staff. Which editions' work each then sees is the rules below."""
    return user.has_perm("coaching.review_submission") or user.has_perm("coaching.view_submission")


def sees_every_edition(user):
    return user.is_authenticated and user.has_perm("coaching.view_submission")


def own_submissions(user):
    """The learner's submissions and their teams'."""
    if not user.is_authenticated:
        return Submission.objects.none()
    teams = Team.objects.filter(members__learner=user).values("pk")
    return Submission.objects.filter(Q(learner=user) | Q(team__in=teams))


def reviewable_submissions(user):
    """The submissions `user` may review: staff every one, a trainer their editions'."""
    if sees_every_edition(user):
        return Submission.objects.all()
    if not user.is_authenticated or not user.has_perm("coaching.review_submission"):
        return Submission.objects.none()
    return Submission.objects.filter(assignment__edition__in=editions_trained(user))


def may_review(user, submission):
    return reviewable_submissions(user).filter(pk=submission.pk).exists()


def may_read(user, submission):
    return own_submissions(user).filter(pk=submission.pk).exists() or may_review(user, submission)


def readable_plans(user):
    """The plans shared with `user` as a trainer, or every shared plan for staff."""
    shared = ActionPlan.objects.filter(shared_with_trainers=True)
    if sees_every_edition(user):
        return shared
    if not user.is_authenticated or not user.has_perm("coaching.review_submission"):
        return ActionPlan.objects.none()
    return shared.filter(edition__in=editions_trained(user))


def participant_editions(user):
    """The ids of the editions `user` takes part in (their application accepted), as a subquery;
    their assignments and action plans are for them and their trainers only."""
    if not user.is_authenticated:
        return EditionPage.objects.none().values("pk")
    return EditionPage.objects.filter(
        cohort__applications__applicant=user,
        cohort__applications__status=Application.Status.ACCEPTED,
    ).values("pk")
