"""What a learner does and where they stand: enrol, leave, complete, progress, certificates.

Writes run inside transactions and rely on the database's unique constraints, so a double click
or two concurrent requests end with one record. Progress comes from COUNT queries over live,
public modules, so a deleted or unpublished module never counts and never breaks anything.
"""

import logging
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, F, Min, OuterRef
from django.db.models.functions import Substr
from django.utils import timezone

from wagtail.models import Page

from cohorts.applications import with_waitlist_position
from cohorts.attendance import AttendanceRate, attendance_rate, attendance_rates
from cohorts.models import Application, Session
from courses.models import CoursePage, ModulePage
from credentials import issuing
from credentials.models import Credential
from learning.models import Certificate, Enrolment, ModuleCompletion
from learning.signals import self_check_graded
from lms.accounts.throttling import count_in_window
from lms.core.audit import audit
from skills.models import Skill, SkillArea

logger = logging.getLogger(__name__)


class CompletionRefused(Exception):
    """The learner may not complete the module (yet); the message tells them why."""


def enrol(learner, course):
    """Enrol the learner; True if they were not enrolled already."""
    with transaction.atomic():
        _, created = Enrolment.objects.get_or_create(learner=learner, course=course)
    if created:
        audit("enrolment", learner, course_id=course.pk, course_title=course.title)
    return created


def leave(learner, course):
    """Leave the course, keeping completions so that enrolling again resumes where they were."""
    deleted, _ = Enrolment.objects.filter(learner=learner, course=course).delete()
    if deleted:
        audit("leave", learner, course_id=course.pk, course_title=course.title)
    return bool(deleted)


def wrong_answers(module, answers):
    """Questions of the module's required self-checks that the answers do not get right.

    `answers` maps "answer-<block id>" to the index of the chosen option, as the form posts it.
    """
    wrong = []
    for block in module.self_checks:
        if not block.value["required"]:
            continue
        correct = next(i for i, option in enumerate(block.value["options"]) if option["correct"])
        if answers.get(f"answer-{block.id}") != str(correct):
            wrong.append(block.value["question"])
    return wrong


def check_answers(learner, module, answers):
    """Refuse the completion unless the module's required self-checks are answered right.

    Only SELF_CHECK_MAX_WRONG_ANSWERS wrong answers in a row per learner and module are graded in
    a window of SELF_CHECK_WINDOW_MINUTES; after that no answer is graded, a right one included,
    until the window ends, so the form cannot be used to try every option in turn. The count is in
    the shared cache, like the password reset limits.
    """
    if not any(block.value["required"] for block in module.self_checks):
        return
    key = f"throttle:self-check:{learner.pk}:{module.pk}"
    minutes = settings.SELF_CHECK_WINDOW_MINUTES
    # Counted before grading, so that answers sent all at once are not all graded.
    if count_in_window(key, minutes * 60) > settings.SELF_CHECK_MAX_WRONG_ANSWERS:
        logger.warning(
            "Self-check answers not graded: learner %s, module %s, too many wrong answers",
            learner.pk,
            module.pk,
        )
        raise CompletionRefused(
            f"That was {settings.SELF_CHECK_MAX_WRONG_ANSWERS} wrong answers in a row. Read the "
            f"module again; you can answer once more in {minutes} minutes."
        )
    wrong = wrong_answers(module, answers)
    questions = sum(1 for block in module.self_checks if block.value["required"])
    # Every graded attempt is an event, a wrong one too (the xAPI outbox records it).
    self_check_graded.send(
        sender=ModulePage,
        learner=learner,
        module=module,
        passed=not wrong,
        correct=questions - len(wrong),
        questions=questions,
    )
    if wrong:
        raise CompletionRefused(
            "Not quite: check your answer to " + "; ".join(f"“{q}”" for q in wrong) + "."
        )
    # A right answer ends the series: the learner knows the answers, nothing is left to guess.
    cache.delete(key)


def _done_by(learner):
    """A condition on modules: the learner has completed it."""
    return Exists(ModuleCompletion.objects.filter(learner=learner, module=OuterRef("pk")))


def first_incomplete_before(learner, course, module):
    """The earliest live module before `module` that the learner has not completed, or None."""
    earlier = course.get_modules().filter(path__lt=module.path)
    return earlier.filter(~_done_by(learner)).only("id", "title").first()


def course_counts(learner, course):
    """(live modules, of which completed by the learner), in one aggregate query."""
    counts = course.get_modules().aggregate(
        total=Count("pk"), done=Count("pk", filter=_done_by(learner))
    )
    return counts["total"], counts["done"]


class Completion(NamedTuple):
    created: bool  # the module was not complete before
    certificate: Certificate | None  # issued by this completion
    # The learner's attendance, when the edition's minimum holds back a finished course's
    # certificate.
    withheld: AttendanceRate | None


def complete_module(learner, module, course, answers):
    """Mark the module complete; returns a Completion.

    Raises CompletionRefused when the learner is not enrolled, an earlier module of an ordered
    course is still open, or a required self-check is answered wrongly (or too often wrongly).
    """
    if not Enrolment.objects.filter(learner=learner, course=course).exists():
        raise CompletionRefused(f"Enrol in “{course.title}” to record your progress.")
    if course.modules_in_order:
        blocking = first_incomplete_before(learner, course, module)
        if blocking is not None:
            raise CompletionRefused(
                f"This course is taken in order: complete “{blocking.title}” first."
            )
    check_answers(learner, module, answers)
    with transaction.atomic():
        _, created = ModuleCompletion.objects.get_or_create(learner=learner, module=module)
        if created:
            # Logged once committed, before the certificate this completion may bring.
            transaction.on_commit(
                partial(
                    audit,
                    "module_completion",
                    learner,
                    module_id=module.pk,
                    module_title=module.title,
                )
            )
        certificate, withheld = issue_certificate_if_complete(learner, course)
    return Completion(created, certificate, withheld)


def issue_certificate_if_complete(learner, course):
    """Issue the course's certificate once every live module is complete and the learner's
    attendance meets the minimum the edition asks for (cohorts/attendance.py).

    Returns (the certificate issued now or None, the attendance holding it back or None). The
    certificate is unique per learner and course in the database, so it is issued once; one
    already issued stays, whatever attendance is recorded later. The course's Open Badge is
    issued with it, in the same transaction, and the edition's once it completes the edition.
    """
    total, done = course_counts(learner, course)
    if not total or done < total:
        return None, None
    edition = course.edition
    if edition is not None:
        attendance = attendance_rate(learner, edition)
        if not attendance.meets_minimum and not learner.certificates.filter(course=course).exists():
            return None, attendance
    with transaction.atomic():
        certificate, created = Certificate.objects.get_or_create(
            learner=learner,
            course=course,
            defaults={
                "learner_name": learner.get_full_name() or learner.get_short_name(),
                "course_title": course.title,
                "edition_title": edition.title if edition else "",
                "module_count": total,
            },
        )
        if not created:
            return None, None
        transaction.on_commit(
            partial(
                audit,
                "certificate_issued",
                learner,
                course_id=course.pk,
                certificate=certificate.code,
            )
        )
        issuing.issue_for_course(learner, course)
        if edition is not None:
            issue_edition_credential_if_complete(learner, edition)
    return certificate, None


def issue_edition_credential_if_complete(learner, edition):
    """Issue the edition's Open Badge once the learner holds the certificate of each of its live
    courses open to everyone (each certificate waited for the attendance minimum already).
    Returns the credential, or None while a course is missing; one query until then."""
    counts = issuing.edition_courses(edition).aggregate(
        total=Count("pk"),
        certified=Count(
            "pk", filter=Exists(Certificate.objects.filter(learner=learner, course=OuterRef("pk")))
        ),
    )
    if not counts["total"] or counts["certified"] < counts["total"]:
        return None
    return issuing.issue_for_edition(learner, edition)


def issue_missing_credentials():
    """The credentials of certificates issued before the academy issued credentials: one for each
    certificate's course, and one for each edition a learner has thereby completed. Returns how
    many were issued."""
    before = Credential.objects.count()
    missing = (
        Certificate.objects.filter(course__isnull=False)
        .exclude(
            Exists(Credential.objects.filter(learner=OuterRef("learner"), page=OuterRef("course")))
        )
        .select_related("learner", "course")
        .order_by("pk")
    )
    for certificate in missing.iterator():
        with transaction.atomic():
            issuing.issue_for_course(certificate.learner, certificate.course)
            edition = certificate.course.edition
            if edition is not None:
                issue_edition_credential_if_complete(certificate.learner, edition)
    return Credential.objects.count() - before


def issue_due_certificates(learner, finished):
    """Issue the certificates now due for `finished`, the learner's EnrolledCourses with every
    module complete; returns {course id: attendance} for those the minimum still holds back.

    A certificate held back at completion falls due when attendance recorded later meets the
    edition's minimum. cohorts records attendance and cannot call learning (the app layers), so
    My learning, where learners find their certificates, issues the ones due as it loads: a write
    on a GET, but one that only catches up with what the learner earned, issued once whatever
    the number of loads (the database keeps one certificate per learner and course).
    Five queries whatever the number of courses, and a few more for each certificate issued.
    """
    certified = set(learner.certificates.values_list("course_id", flat=True))
    waiting = [item.course for item in finished if item.course.pk not in certified]
    if not waiting:
        return {}
    edition_ids = dict(
        Page.objects.filter(
            path__in={course.path[: -Page.steplen] for course in waiting}
        ).values_list("path", "pk")
    )
    edition_of = {course.pk: edition_ids[course.path[: -Page.steplen]] for course in waiting}
    rates = attendance_rates((learner.pk, edition_id) for edition_id in edition_of.values())
    withheld = {}
    for course in waiting:
        rate = rates[learner.pk, edition_of[course.pk]]
        if rate.meets_minimum:
            issue_certificate_if_complete(learner, course)
        else:
            withheld[course.pk] = rate
    return withheld


@dataclass
class Progress:
    """`done` of `total` live modules."""

    total: int
    done: int
    next_module: ModulePage | None

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self):
        return bool(self.total) and self.done == self.total


@dataclass
class CourseProgress(Progress):
    """A learner's standing in one course, for the course and module pages."""

    enrolled: bool = False
    completed_ids: set = field(default_factory=set)
    # In an ordered course, the modules after the first incomplete one.
    locked_ids: set = field(default_factory=set)
    certificate: Certificate | None = None


def course_progress(learner, course, modules):
    """The learner's progress over `modules`, the course's live modules already loaded in order.

    Three queries whatever the size of the course; None for anonymous visitors.
    """
    if not learner.is_authenticated:
        return None
    completed_ids = set(
        ModuleCompletion.objects.filter(
            learner=learner, module_id__in=[module.pk for module in modules]
        ).values_list("module_id", flat=True)
    )
    next_module = next((m for m in modules if m.pk not in completed_ids), None)
    locked_ids = set()
    if course.modules_in_order and next_module is not None:
        locked_ids = {module.pk for module in modules if module.path > next_module.path}
    return CourseProgress(
        enrolled=Enrolment.objects.filter(learner=learner, course=course).exists(),
        total=len(modules),
        done=len(completed_ids),
        completed_ids=completed_ids,
        locked_ids=locked_ids,
        next_module=next_module,
        certificate=Certificate.objects.filter(learner=learner, course=course).first(),
    )


@dataclass
class EnrolledCourse(Progress):
    course: CoursePage | None = None


def enrolled_courses(learner):
    """The learner's live enrolled courses with progress and next module, in three queries."""
    courses = [
        enrolment.course
        for enrolment in Enrolment.objects.filter(learner=learner, course__live=True)
        .select_related("course")
        .order_by("-enrolled_at")
    ]
    if not courses:
        return []
    stats = {
        row["course_path"]: row
        for row in ModulePage.objects.live()
        .public()
        .in_courses(courses)
        .annotate(course_path=Substr("path", 1, (F("depth") - 1) * Page.steplen))
        .order_by()
        .values("course_path")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=_done_by(learner)),
            next_path=Min("path", filter=~_done_by(learner)),
        )
    }
    next_paths = [row["next_path"] for row in stats.values() if row["next_path"]]
    next_modules = {
        module.path: module
        for module in ModulePage.objects.filter(path__in=next_paths).only(
            "id", "title", "url_path", "path", "depth"
        )
    }
    result = []
    for course in courses:
        row = stats.get(course.path, {"total": 0, "done": 0, "next_path": None})
        result.append(
            EnrolledCourse(
                total=row["total"],
                done=row["done"],
                next_module=next_modules.get(row["next_path"]),
                course=course,
            )
        )
    return result


# How many of their next sessions My learning lists; the edition pages show whole schedules.
NEXT_SESSIONS = 5


def next_sessions(learner, now=None):
    """The learner's next sessions, soonest first: those not over yet and not cancelled, of the
    live editions they are a participant of (accepted); one query."""
    return list(
        Session.objects.filter(
            edition__cohort__applications__applicant=learner,
            edition__cohort__applications__status=Application.Status.ACCEPTED,
            edition__live=True,
            cancelled=False,
            ends_at__gt=now or timezone.now(),
        )
        .select_related("edition")
        .order_by("starts_at", "pk")[:NEXT_SESSIONS]
    )


def applications(learner):
    """The learner's applications, newest first, with their editions and, for those waitlisted,
    their `waitlist_position`; one query however long the waitlists."""
    return list(
        with_waitlist_position(learner.applications.select_related("cohort__edition")).order_by(
            "-submitted_at", "-pk"
        )
    )


@dataclass
class AreaProfile:
    area: SkillArea
    skills: list

    @property
    def percent(self):
        return round(100 * len(self.skills) / self.area.skill_total) if self.area.skill_total else 0


def skills_profile(learner):
    """Skills covered by the learner's completed live modules, grouped by area, in two queries."""
    completed = ModulePage.objects.live().public().filter(completions__learner=learner)
    covered = Skill.objects.filter(module_items__content_object__in=completed).distinct()
    areas = {area.pk: area for area in SkillArea.objects.annotate(skill_total=Count("skills"))}
    return [
        AreaProfile(areas[area_id], list(skills))
        for area_id, skills in groupby(covered, key=lambda skill: skill.area_id)
    ]
