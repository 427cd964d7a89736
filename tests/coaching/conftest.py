"""What the coaching tests may ask for, besides tests/conftest.py: an edition with one course of
two modules, one participant and one trainer."""

import pytest

from skills.models import Skill
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
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
def participant(edition):
    learner = UserFactory(display_name="Petra Participant")
    accepted_participant(edition, applicant=learner)
    return learner


@pytest.fixture
def trainer(edition):
    return trainer_of(edition)
