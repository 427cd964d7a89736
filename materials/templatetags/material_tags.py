from django import template

from materials.models import MaterialLibraryPage

register = template.Library()


@register.simple_tag(takes_context=True)
def material_url(context, material):
    """The material's page under the library; the library is looked up once per request."""
    return MaterialLibraryPage.material_url(material, context.get("request"))
