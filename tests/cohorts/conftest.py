"""What the cohorts tests may ask for, besides tests/conftest.py."""

import pytest

from tests.factories import EditionPageFactory


@pytest.fixture
def edition(home):
    """A live edition, "Cohort edition" at /cohort-edition/; a test file whose story needs an
    edition of its own names it in a fixture of the same name."""
    return EditionPageFactory(parent=home, title="Cohort edition", slug="cohort-edition")
