"""Journeys of an edition run as a cohort, on the demo's illustrative edition (the one taking
applications): a visitor signs up and applies; a participant in New York reads the schedule in
their own time, with the join links. Both pages pass axe with no serious or critical violation.
"""

import re
import zoneinfo

from django.core import mail

from axe_playwright_python.sync_playwright import Axe

from cohorts.applications import accept
from cohorts.models import Application
from courses.models import EditionPage
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import ApplicationFactory, SuperuserFactory, UserFactory

pytestmark = e2e

NEW_YORK = "America/New_York"


def illustrative_edition():
    edition = EditionPage.objects.select_related("cohort").get(slug="illustrative-2027")
    assert edition.cohort.accepts_applications()
    return edition


def clock(moment):
    """The time as a 12-hour clock in the United States shows it: 4:00 for 04:00 or 16:00."""
    return f"{moment.hour % 12 or 12}:{moment:%M}"


def test_a_visitor_signs_up_and_applies_to_the_illustrative_edition(new_context):
    edition = illustrative_edition()
    tab = new_context().new_page()
    axe = Axe()

    tab.goto(edition.url)
    panel = tab.get_by_role("region", name="Applications")
    assert panel.get_by_text("Applications are open").is_visible()
    screenshot(tab, "cohort-applicant", "01-edition")
    panel.get_by_role("link", name="Apply to this edition").click()

    # Applying needs an account: sign up, and come back to the form.
    tab.get_by_role("link", name="Create an account").click()
    tab.get_by_label("Email").fill("ines.garcia@cluster.example.eu")
    tab.get_by_label("Display name").fill("Inês García")
    tab.get_by_label(re.compile(r"^Password:?$")).fill("a long and unusual passphrase")
    tab.get_by_label("Password confirmation").fill("a long and unusual passphrase")
    tab.get_by_role("button", name="Create account").click()
    tab.get_by_role("heading", name=f"Apply to {edition.title}").wait_for()
    assert not blocking_violations(axe, tab, tab.url)

    # A form sent with a missing answer comes back with the error, the rest kept.
    tab.get_by_label("Cluster organisation").fill("Andalusian Aerospace Cluster")
    tab.get_by_label("Your role in the cluster").select_option(label="Cluster staff")
    tab.get_by_label("Country").fill("Spain")
    tab.get_by_label("Motivation").fill("We are writing our first strategy with our members.")
    tab.get_by_role("button", name="Send my application").click()
    tab.get_by_text("This field is required.").wait_for()
    assert tab.get_by_label("Cluster organisation").input_value() == "Andalusian Aerospace Cluster"
    screenshot(tab, "cohort-applicant", "02-form-with-an-error")

    tab.get_by_label("What you want to learn").fill("Member services and EU funding.")
    tab.get_by_role("button", name="Send my application").click()
    tab.wait_for_url(f"**{edition.url}")
    tab.get_by_text(f"your application to “{edition.title}” is received").wait_for()
    panel = tab.get_by_role("region", name="Applications")
    assert panel.get_by_text("Submitted").is_visible()
    screenshot(tab, "cohort-applicant", "03-applied")

    application = Application.objects.get(
        cohort=edition.cohort, applicant__email="ines.garcia@cluster.example.eu"
    )
    assert application.status == Application.Status.SUBMITTED
    assert application.organisation == "Andalusian Aerospace Cluster"
    assert ["ines.garcia@cluster.example.eu"] in [message.to for message in mail.outbox]


def test_a_participant_sees_the_schedule_in_their_own_time(context, sign_in):
    """The schedule gives each session in Brussels time, named; the browser adds the reader's
    own time (here New York's, six hours behind in winter); join links are there for them."""
    edition = illustrative_edition()
    participant = UserFactory(display_name="Noah Park")
    accept(ApplicationFactory(cohort=edition.cohort, applicant=participant), by=SuperuserFactory())
    sign_in(participant)
    tab = context.new_page()
    # The reader's time zone, as the browser's own: Chromium's emulation of it for this tab.
    context.new_cdp_session(tab).send("Emulation.setTimezoneOverride", {"timezoneId": NEW_YORK})
    context.new_cdp_session(tab).send("Emulation.setLocaleOverride", {"locale": "en-US"})

    tab.goto(edition.url)
    schedule = tab.get_by_role("region", name="Schedule")
    session = edition.sessions.filter(join_url__gt="").order_by("starts_at").first()
    item = schedule.get_by_role("listitem").filter(
        has=tab.get_by_role("heading", name=session.title)
    )
    brussels = session.starts_at.astimezone(session.zone)
    local = session.starts_at.astimezone(zoneinfo.ZoneInfo(NEW_YORK))
    local_end = session.ends_at.astimezone(zoneinfo.ZoneInfo(NEW_YORK))
    assert brussels.hour - local.hour == 6
    when = item.locator(".session__when")
    assert f"{brussels:%H:%M}" in when.inner_text()
    assert "Europe/Brussels" in when.inner_text()
    your_time = when.locator(".local-time")
    your_time.wait_for()
    # e.g. "(your time: Tue, Jan 19, 4:00 – 6:30 AM EST)"
    assert re.search(
        rf"your time: .*\b{clock(local)}\b.*\b{clock(local_end)}\b.*\bEST\b",
        your_time.inner_text(),
    ), your_time.inner_text()
    join = item.get_by_role("link", name="Join online")
    assert join.get_attribute("href") == session.join_url
    screenshot(tab, "cohort-participant", "01-schedule-in-new-york")

    assert not blocking_violations(Axe(), tab, edition.url)
