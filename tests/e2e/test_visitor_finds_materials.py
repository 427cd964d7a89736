"""Journey 2: a visitor finds materials for a skill, narrows them, opens one and downloads its file."""

from materials.models import Material
from tests.e2e.conftest import e2e, screenshot

pytestmark = e2e


def test_visitor_finds_a_worksheet_for_a_skill_and_downloads_it(page):
    page.goto("/")
    screenshot(page, "visitor", "01-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Materials").click()
    page.wait_for_url("**/materials/")
    filters = page.get_by_role("complementary", name="Filter materials")
    filters.get_by_role("region", name="Skill").get_by_role("link", name="Action planning").click()
    page.wait_for_url("**skill=action-planning**")
    screenshot(page, "visitor", "02-skill")

    expected = Material.objects.published().filter(skills__slug="action-planning")
    kind = expected.values_list("kind", flat=True).first()
    kind_label = Material.Kind(kind).label
    filters.get_by_role("region", name="Kind").get_by_role("link", name=kind_label).click()
    page.wait_for_url(f"**kind={kind}**")
    expected = expected.filter(kind=kind)
    edition = expected.select_related("edition").first().edition
    filters.get_by_role("region", name="Edition").get_by_role("link", name=edition.title).click()
    page.wait_for_url(f"**edition={edition.slug}**")
    expected = expected.filter(edition=edition)
    screenshot(page, "visitor", "03-narrowed")

    titles = page.locator(".card-grid .card__title").all_inner_texts()
    assert sorted(titles) == sorted(expected.values_list("title", flat=True))

    material = expected.exclude(document=None).first()
    page.get_by_role("link", name=material.title).click()
    page.wait_for_url(f"**/materials/{material.slug}/")
    screenshot(page, "visitor", "04-material")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download").click()
    download = download_info.value
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
