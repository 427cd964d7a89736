"""Each event the academy keeps, as an xAPI statement in the outbox (xapi.models.Statement).

A statement is stored in the transaction that stores its event, so the two commit together or
not at all, and its id is fixed then: the uuid5 of a key naming the event ("enrolment:42"), so
recording the same event twice stores one statement, and the LRS keeps one however often it is
sent. The send task is enqueued once the transaction commits (xapi.sending); the learner's request
never waits for the LRS.

Nothing is recorded while XAPI_LRS_URL is empty: a site without an LRS keeps no outbox.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from courses.models import ModulePage
from xapi import vocabulary
from xapi.models import Statement
from xapi.sending import send_due


def enabled():
    return bool(settings.XAPI_LRS_URL)


def statement(
    learner, verb, key, activity, *, when, parents=(), grouping=(), result=None, actor=None
):
    """The outbox row of one statement, not saved: `activity` is its object, `parents` and
    `grouping` the activities of its context (the course, the edition), nearest first."""
    statement_id = vocabulary.statement_id(key)
    payload = {
        "id": str(statement_id),
        "actor": actor or vocabulary.actor(learner),
        "verb": vocabulary.verb(verb),
        "object": activity,
        "timestamp": when.isoformat(),
    }
    context_activities = {}
    if parents:
        context_activities["parent"] = list(parents)
    if grouping:
        context_activities["grouping"] = list(grouping)
    if context_activities:
        payload["context"] = {"contextActivities": context_activities}
    if result:
        payload["result"] = result
    return Statement(statement_id=statement_id, learner=learner, verb=verb, payload=payload)


def store(rows):
    """Store the rows in the outbox, each statement once whoever stores it first (the database
    keeps one row per statement id), and send them once the transaction commits."""
    if not enabled() or not rows:
        return
    # One INSERT … ON CONFLICT DO NOTHING: an event recorded again, or by two requests at once,
    # leaves the first row as it was.
    Statement.objects.bulk_create(rows, ignore_conflicts=True)
    # Robust: the rows are committed already; a queue that refuses the task must not turn the
    # learner's answer into an error. The next send, or a resend from the admin, takes them.
    transaction.on_commit(send_due.enqueue, robust=True)


def record(learner, verb, key, activity, **fields):
    store([statement(learner, verb, key, activity, **fields)])


def page_activity(kind, page):
    return vocabulary.activity(kind, page.pk, page.title)


def ancestors(page, levels):
    """The page's parent, grandparent… `levels` up, nearest first, in one query."""
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=page.depth - levels)
        .only("id", "title", "depth")
        .order_by("-depth")
    )


def module_context(module):
    """(the module's course activity, its edition activity), either None if missing."""
    course, edition = (ancestors(module, 2) + [None, None])[:2]
    return (
        course and page_activity("course", course),
        edition and page_activity("edition", edition),
    )


def course_edition(course):
    edition = next(iter(ancestors(course, 1)), None)
    return edition and page_activity("edition", edition)


def present(*activities):
    return [activity for activity in activities if activity]


# The events.


def enrolled(enrolment):
    course = enrolment.course
    record(
        enrolment.learner,
        "registered",
        f"enrolment:{enrolment.pk}",
        page_activity("course", course),
        when=enrolment.enrolled_at,
        parents=present(course_edition(course)),
    )


def applied(application):
    record(
        application.applicant,
        "applied",
        f"application:{application.pk}",
        page_activity("edition", application.cohort.edition),
        when=application.submitted_at,
    )


def accepted(application):
    """Accepted into the edition: registered in it. Once per application, whatever happens to it
    afterwards (the key names the application, not the change)."""
    record(
        application.applicant,
        "registered",
        f"accepted:{application.pk}",
        page_activity("edition", application.cohort.edition),
        when=application.status_changed_at,
    )


def attended(session, learners):
    """The learners were present at the session; once per learner and session."""
    edition = page_activity("edition", session.edition)
    activity = vocabulary.activity("session", session.pk, session.title)
    store(
        [
            statement(
                learner,
                "attended",
                f"attendance:{session.pk}:{learner.pk}",
                activity,
                when=session.starts_at,
                parents=[edition],
            )
            for learner in learners
        ]
    )


def completed_module(completion):
    module = completion.module
    course, edition = module_context(module)
    record(
        completion.learner,
        "completed",
        f"module-completion:{completion.pk}",
        page_activity("module", module),
        when=completion.completed_at,
        parents=present(course),
        grouping=present(edition),
        result={"completion": True},
    )


def completed_course(certificate):
    """A certificate is issued when the course is complete (learning.services)."""
    course = certificate.course
    if course is None:
        return
    record(
        certificate.learner,
        "completed",
        f"certificate:{certificate.pk}",
        page_activity("course", course),
        when=certificate.issued_at,
        parents=present(course_edition(course)),
        result={"completion": True},
    )


def self_check_graded(learner, module, passed, correct=None, questions=None, when=None):
    """One attempt at a module's self-check, right or wrong: each attempt is an event of its own,
    so each has a key of its own."""
    course, edition = module_context(module)
    result = {"success": passed}
    if questions and correct is not None:
        result["score"] = {
            "raw": correct,
            "min": 0,
            "max": questions,
            "scaled": round(correct / questions, 4),
        }
    record(
        learner,
        "passed" if passed else "failed",
        f"self-check:{module.pk}:{learner.pk}:{uuid.uuid4()}",
        vocabulary.activity("self-check", module.pk, f"Self-check: {module.title}"),
        when=when or timezone.now(),
        parents=[page_activity("module", module)],
        grouping=present(course, edition),
        result=result,
    )


def scored(feedback, learners, criteria, levels):
    """A trainer scored the work against the assignment's rubric: one statement for each learner
    it belongs to. The score adds up the levels reached (each criterion counts from level 1);
    an extension lists each skill with its level."""
    if not criteria:
        return
    assignment = feedback.submission.assignment
    raw = sum(levels[criterion.pk] for criterion in criteria)
    lowest = len(criteria)
    highest = sum(len(criterion.levels) for criterion in criteria)
    score = {"raw": raw, "min": lowest, "max": highest}
    if highest > lowest:
        score["scaled"] = round((raw - lowest) / (highest - lowest), 4)
    skills = [
        {
            "skill": vocabulary.activity_iri("skill", criterion.skill_id),
            "name": criterion.skill.name,
            "criterion": criterion.title,
            "level": levels[criterion.pk],
            "levels": len(criterion.levels),
        }
        for criterion in criteria
    ]
    page = Page.objects.only("id", "title", "content_type").get(pk=assignment.page_id)
    kind = "module" if issubclass(page.specific_class, ModulePage) else "course"
    activity = vocabulary.activity("assignment", assignment.pk, assignment.title)
    result = {"score": score, "extensions": {vocabulary.extension("rubric-scores"): skills}}
    store(
        [
            statement(
                learner,
                "scored",
                f"feedback:{feedback.pk}:{learner.pk}",
                activity,
                when=feedback.created_at,
                parents=[page_activity(kind, page)],
                grouping=[page_activity("edition", assignment.edition)],
                result=result,
            )
            for learner in learners
        ]
    )


def earned(credential):
    """An Open Badges credential issued for a course or an edition; its public verification
    page is named in the result."""
    page = credential.page
    if credential.learner is None or page is None:
        return
    if credential.kind == credential.Kind.COURSE:
        parent, grouping = page_activity("course", page), present(course_edition(page))
    else:
        parent, grouping = page_activity("edition", page), []
    url = vocabulary.base_url() + credential.get_absolute_url()
    record(
        credential.learner,
        "earned",
        f"credential:{credential.pk}",
        vocabulary.activity("badge", page.pk, credential.achievement_name),
        when=credential.issued_at,
        parents=[parent],
        grouping=grouping,
        result={"completion": True, "extensions": {vocabulary.extension("credential"): url}},
    )


def void_learner(user):
    """Before the account goes: void, in the LRS, every statement of theirs it may hold.

    That is those sent, those being sent, and any tried at least once (an answer lost on the way
    back may hide a statement the LRS stored). The voiding statements are the academy's, tied to
    no account; the learner's own rows go with the account, so those never sent never will be.
    The rows are locked first, so that no worker claims one between this and the deletion.
    """
    if not enabled():
        return
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            Statement.objects.select_for_update()
            .filter(learner=user)
            .filter(
                Q(state__in=[Statement.State.SENT, Statement.State.SENDING]) | Q(attempts__gt=0)
            )
            .values_list("statement_id", flat=True)
        )
        store(
            [
                statement(
                    None,
                    "voided",
                    f"void:{statement_id}",
                    {"objectType": "StatementRef", "id": str(statement_id)},
                    when=now,
                    actor=vocabulary.academy(),
                )
                for statement_id in ids
            ]
        )
