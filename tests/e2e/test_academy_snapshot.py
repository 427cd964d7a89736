"""Every journey starts from the whole demo academy, the library's stored counts included."""

from tests.e2e.conftest import e2e
from tests.test_facet_counts import assert_exact

pytestmark = e2e


def test_the_first_journey_finds_the_facet_counts_exact(academy_server):
    assert_exact()


def test_a_journey_after_a_restore_finds_them_exact_too(academy_server):
    assert_exact()
