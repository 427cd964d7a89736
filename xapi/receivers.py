"""The events the academy already keeps, heard where they are stored and recorded as xAPI
statements (xapi.statements), connected by XapiConfig.ready().

Model signals where a row is created one at a time (enrolments, applications, completions,
certificates, credentials); the apps' own signals where nothing is saved one row at a time or
nothing is saved at all: attendance (an upsert), rubric scores (bulk created) and self-check
attempts (a wrong one stores nothing). Each receiver runs in the transaction of its event.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_delete

from coaching.models import Feedback
from coaching.signals import feedback_given
from cohorts.models import Application, Attendance, Session
from cohorts.signals import attendance_recorded
from courses.models import ModulePage
from credentials.models import Credential
from learning.models import Certificate, Enrolment, ModuleCompletion
from learning.signals import self_check_graded
from xapi import statements


def when_sending(receiver):
    """Run the receiver only while statements are sent somewhere, and never for a fixture's raw
    save, so that a site without an LRS pays nothing for them."""

    @wraps(receiver)
    def wrapper(sender, **kwargs):
        if statements.enabled() and not kwargs.get("raw"):
            receiver(sender, **kwargs)

    return wrapper


@when_sending
def enrolment_saved(sender, instance, created, **kwargs):
    if created:
        statements.enrolled(instance)


@when_sending
def application_saved(sender, instance, created, update_fields=None, **kwargs):
    if created:
        statements.applied(instance)
    status_saved = update_fields is None or "status" in update_fields
    if status_saved and instance.status == Application.Status.ACCEPTED:
        statements.accepted(instance)


@when_sending
def attendance_saved(sender, session, marks, **kwargs):
    present = [learner_id for learner_id, here in marks.items() if here]
    if present:
        learners = get_user_model().objects.filter(pk__in=present).order_by("pk")
        statements.attended(session, list(learners))


@when_sending
def attendance_row_saved(sender, instance, **kwargs):
    # Attendance saved one row at a time (the shell, a data fix); the site records it by upsert.
    if instance.present:
        statements.attended(instance.session, [instance.learner])


@when_sending
def module_completed(sender, instance, created, **kwargs):
    if created:
        statements.completed_module(instance)


@when_sending
def certificate_issued(sender, instance, created, **kwargs):
    if created:
        statements.completed_course(instance)


@when_sending
def self_check(sender, learner, module, passed, correct=None, questions=None, **kwargs):
    statements.self_check_graded(learner, module, passed, correct, questions)


@when_sending
def feedback_scored(sender, feedback, learners, criteria, levels, **kwargs):
    statements.scored(feedback, learners, criteria, levels)


@when_sending
def credential_issued(sender, instance, created, **kwargs):
    if created:
        statements.earned(instance)


@when_sending
def account_deleted(sender, instance, **kwargs):
    statements.void_learner(instance)


def connect():
    post_save.connect(enrolment_saved, sender=Enrolment, dispatch_uid="xapi.enrolment")
    post_save.connect(application_saved, sender=Application, dispatch_uid="xapi.application")
    attendance_recorded.connect(attendance_saved, sender=Session, dispatch_uid="xapi.attendance")
    post_save.connect(attendance_row_saved, sender=Attendance, dispatch_uid="xapi.attendance_row")
    post_save.connect(module_completed, sender=ModuleCompletion, dispatch_uid="xapi.completion")
    post_save.connect(certificate_issued, sender=Certificate, dispatch_uid="xapi.certificate")
    self_check_graded.connect(self_check, sender=ModulePage, dispatch_uid="xapi.self_check")
    feedback_given.connect(feedback_scored, sender=Feedback, dispatch_uid="xapi.feedback")
    post_save.connect(credential_issued, sender=Credential, dispatch_uid="xapi.credential")
    pre_delete.connect(account_deleted, sender=get_user_model(), dispatch_uid="xapi.account")
