from django import template

from wagtail.models import Site

register = template.Library()


@register.filter
def duration(minutes):
    """75 -> "1 h 15 min"; 40 -> "40 min"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_title=None):
    """The page's ancestors below the site root, then the page (or a sub-page title)."""
    ancestors = []
    if page:
        request = context.get("request")
        site_root = Site.find_for_request(request).root_page if request else None
        if site_root and page.depth == site_root.depth + 1 and page.path.startswith(site_root.path):
            # Wagtail routed the request through the site's root page: it is already loaded.
            ancestors = [site_root]
        else:
            ancestors = list(page.get_ancestors().filter(depth__gt=1))
    if current_title:
        ancestors.append(page)
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "current_title": current_title or (page.title if page else ""),
    }
