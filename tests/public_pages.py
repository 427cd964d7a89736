"""The public pages the site-wide checks visit (security headers, accessibility): one of each kind.

The pages are found in whatever academy the database holds (the demo for the browser journeys, a
factory-built one for the other tests): its latest live edition, a course and a module of it, and
a published material with a file to download, with one of its skills and that skill's area.
"""

from courses.models import CoursePage, EditionPage, ModulePage
from materials.models import Material


def public_urls():
    edition = EditionPage.objects.live().order_by("-onsite_start").first()
    course = CoursePage.objects.live().descendant_of(edition).first()
    module = ModulePage.objects.live().descendant_of(course).first()
    material = Material.objects.published().exclude(document=None).first()
    skill = material.skills.order_by("name").first()
    return [
        "/",
        edition.url,
        course.url,
        module.url,
        "/materials/",
        f"/materials/?skill={skill.slug}&kind={material.kind}&edition={material.edition.slug}",
        f"/materials/{material.slug}/",
        "/skills/",
        f"/skills/{skill.slug}/",
        f"/skills/{skill.area.slug}/",
        "/search/",
        "/search/?q=strategy",
        "/accounts/signup/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ]
