"""The public pages the site-wide checks visit (security headers, accessibility): one of each kind."""

from courses.models import CoursePage, EditionPage, ModulePage
from materials.models import Material
from skills.models import Skill


def public_urls():
    edition = EditionPage.objects.live().order_by("-onsite_start").first()
    course = CoursePage.objects.live().descendant_of(edition).first()
    module = ModulePage.objects.live().descendant_of(course).first()
    material = Material.objects.published().exclude(document=None).first()
    skill = Skill.objects.get(slug="action-planning")
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
