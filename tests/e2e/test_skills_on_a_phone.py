"""The skills taxonomy fits a phone: /skills/ at 375 px wide never scrolls sideways, however long
the names in its tables."""

from tests.e2e.conftest import VIEWPORTS, e2e

pytestmark = e2e

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def test_the_skills_page_does_not_scroll_sideways_on_a_phone(page):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto("/skills/")
    tables = page.locator("table.skill-table")
    assert tables.count() > 1
    assert page.evaluate("window.innerWidth") == VIEWPORTS["phone"]["width"]
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert page.evaluate(FITS), f"/skills/ is {widths[0]} px wide in a {widths[1]} px window"
    # Every table fits the page, and every skill is still shown with its counts.
    for i in range(tables.count()):
        box = tables.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"]
    assert page.get_by_role("link", name="Alignment with policy and industrial ecosystems").count()
