"""What the coaching tests may ask for, besides tests/conftest.py: an edition with one course of
two modules, one participant and one trainer."""

import pytest

from skills.models import Skill
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    SkillFactory,
    UserFactory,
    accepted_participant,
    trainer_of,
)


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Coaching edition", slug="coaching-edition")


@pytest.fixture
def course(edition):
    return CourseWithModulesFactory(parent=edition, title="Cluster strategy", modules=2)


@pytest.fixture
def module(course):
    return course.get_children().first().specific


@pytest.fixture
def skill(course):
    """The skill the course's first module teaches."""
    return Skill.objects.order_by("pk").first()


@pytest.fixture
def funding():
    return SkillFactory(name="Funding")


@pytest.fixture
def assignment(module, skill, funding):
    """Individual work on the module with a rubric of two criteria, three levels each; a test
    file whose story needs other work names its own fixture of the same name."""
    return AssignmentFactory(page=module, title="Stakeholder map", criteria=[skill, funding])


@pytest.fixture
def participant(edition):
    learner = UserFactory(display_name="Petra Participant")
    accepted_participant(edition, applicant=learner)
    return learner


@pytest.fixture
def trainer(edition):
    return trainer_of(edition)
