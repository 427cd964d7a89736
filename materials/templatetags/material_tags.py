from django import template

from materials.models import MaterialLibraryPage

register = template.Library()


@register.simple_tag(takes_context=True)
def material_url(context, material):
    """The material's page under the library; the library is looked up once per request."""
    return MaterialLibraryPage.material_url(material, context.get("request"))


@register.simple_tag(takes_context=True)
def visible_material(context, material):
    """The material if the request may see it, else None, for a page that names one (a module's
    material block): `{% visible_material value.material as material %}` shows it only where the
    library would (`MaterialLibraryPage.shows_materials`)."""
    request = context.get("request")
    if material is None or not material.live or request is None:
        return None
    return material if MaterialLibraryPage.shows_materials(request) else None
