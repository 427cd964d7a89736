"""Test data: factories for the academy's pages, taxonomy, materials and people."""

import datetime
import json

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import CoursePage, EditionPage, ModulePage, ModuleSkill
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User
from materials.models import Material
from skills.models import Skill, SkillArea


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@clusters.example.org")
    display_name = factory.Sequence(lambda n: f"Learner {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SkillAreaFactory(DjangoModelFactory):
    class Meta:
        model = SkillArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test area {n}")
    slug = factory.Sequence(lambda n: f"test-area-{n}")
    sort_order = factory.Sequence(lambda n: 100 + n)


class SkillFactory(DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test skill {n}")
    slug = factory.Sequence(lambda n: f"test-skill-{n}")
    area = factory.SubFactory(SkillAreaFactory)


class EditionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EditionPage

    title = factory.Sequence(lambda n: f"Test edition {n}")
    number = factory.Sequence(lambda n: 10 + n)
    host_city = "Brussels"
    online_start = datetime.date(2025, 1, 20)
    online_end = datetime.date(2025, 1, 22)
    onsite_start = datetime.date(2025, 3, 10)
    onsite_end = datetime.date(2025, 3, 11)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Test course {n}")
    summary = "A course used by the tests."


def self_check(question="Which answer is right?", correct=1, required=True):
    options = [{"text": f"Option {i}", "correct": i == correct} for i in range(3)]
    return {
        "type": "self_check",
        "value": {
            "question": question,
            "options": options,
            "explanation": "",
            "required": required,
        },
    }


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Test module {n}")
    estimated_minutes = 15
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>Module text for the tests.</p>"}])
    )


class MaterialFactory(DjangoModelFactory):
    class Meta:
        model = Material
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test material {n}")
    slug = factory.Sequence(lambda n: f"test-material-{n}")
    kind = Material.Kind.WORKSHEET
    description = "A worksheet used by the tests."
    live = True

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if extracted:
            obj.skills.set(extracted)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)
        if create:
            obj.save()


def member_of(group_name):
    """Membership of one of Wagtail's standard groups, set up by lms/core's roles migration."""

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=group_name))

    return groups


class EditorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"editor{n}@eccp.example.org")
    groups = member_of("Editors")


class ModeratorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"moderator{n}@eccp.example.org")
    groups = member_of("Moderators")


class SuperuserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@eccp.example.org")
    is_staff = True
    is_superuser = True


class CourseWithModulesFactory(CoursePageFactory):
    """A live course with `modules` live modules (3 unless told), each teaching a demo skill.

    `modules__body` gives every module the same body, e.g. one built with `self_check()`.
    """

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def modules(obj, create, extracted, **kwargs):
        if not create:
            return
        skills = list(Skill.objects.order_by("pk")[:8])
        for i in range(3 if extracted is None else extracted):
            module = ModulePageFactory(parent=obj, **kwargs)
            ModuleSkill.objects.create(content_object=module, tag=skills[i % len(skills)])


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    learner = factory.SubFactory(UserFactory)


class ModuleCompletionFactory(DjangoModelFactory):
    class Meta:
        model = ModuleCompletion

    learner = factory.SubFactory(UserFactory)


class CertificateFactory(DjangoModelFactory):
    class Meta:
        model = Certificate

    learner = factory.SubFactory(UserFactory)
    learner_name = factory.SelfAttribute("learner.display_name")
    course_title = factory.SelfAttribute("course.title")
    edition_title = "Test edition"
    module_count = 3


class PageViewRestrictionFactory(DjangoModelFactory):
    """Closes a page and everything under it: to a password (the default), to signed-in users
    (restriction_type="login") or to groups (restriction_type="groups", groups=[...])."""

    class Meta:
        model = PageViewRestriction
        skip_postgeneration_save = True

    restriction_type = PageViewRestriction.PASSWORD
    password = "let me in"

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)


def hidden_content(word="Quokka"):
    """Everything the public must never see, each titled with `word` and tagged with the skill
    action-planning: a draft material, a draft course, an unpublished module of a live course, and
    live courses under a password, a login and a group restriction, each with a live module."""
    skill = Skill.objects.get(slug="action-planning")
    edition = EditionPage.objects.get(number=1)
    public_course = CoursePage.objects.live().child_of(edition).first()
    pages = {
        "draft course": CoursePageFactory(parent=edition, title=f"{word} draft course", live=False),
        "unpublished module": ModulePageFactory(
            parent=public_course, title=f"{word} unpublished module", live=False
        ),
    }
    group, _ = Group.objects.get_or_create(name=f"{word} group")
    for kind in ("password", "login", "groups"):
        course = CoursePageFactory(parent=edition, title=f"{word} {kind} course")
        pages[f"{kind} course"] = course
        pages[f"{kind} module"] = ModulePageFactory(parent=course, title=f"{word} {kind} module")
        PageViewRestrictionFactory(
            page=course,
            restriction_type=kind,
            groups=[group] if kind == "groups" else [],
        )
    for page in pages.values():
        page.skills.add(skill)
        page.save()
    material = MaterialFactory(
        title=f"{word} draft material",
        description=f"{word} notes nobody may read yet.",
        kind=Material.Kind.CASE_STUDY,
        language="pl",
        edition=edition,
        live=False,
        skills=[skill],
        tags=[f"{word} secret"],
    )
    return {"material": material, **pages}
