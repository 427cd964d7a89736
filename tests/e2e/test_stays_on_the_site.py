"""No request leaves 127.0.0.1: pages, styles, scripts, images and the admin are all served locally."""

from urllib.parse import urlsplit

from tests.e2e.conftest import e2e, public_routes
from tests.factories import EditorFactory

pytestmark = e2e


def test_every_request_of_the_site_and_its_admin_stays_on_127_0_0_1(context, sign_in, leaks):
    tab = context.new_page()
    hosts = set()
    tab.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    tab.goto("/")
    for link in ["Materials", "Skills", "Search"]:
        tab.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()
        tab.wait_for_load_state("networkidle")
    for url in public_routes():
        tab.goto(url, wait_until="networkidle")
    sign_in(EditorFactory())
    tab.goto("/admin/", wait_until="networkidle")
    tab.goto("/admin/pages/", wait_until="networkidle")

    assert hosts == {"127.0.0.1"}
    assert leaks == []
