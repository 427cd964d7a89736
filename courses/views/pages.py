"""Serving the page tree: Wagtail's own view, given a route found in one query."""

from django.conf import settings
from django.http import Http404

from wagtail import views as wagtail_views

from courses.models import AcademyPageMixin
from lms.core.cache import find_site_for_request


def serve(request, path):
    """Wagtail's page view, for a site whose root is an academy page routed from the root in
    one query (`AcademyPageMixin.route_from_site_root`). Wagtail keeps a request's route in
    `request._wagtail_route_for_request` and serves from there (`Page.route_for_request`);
    translated sites, whose root depends on the language, are routed by Wagtail itself."""
    site = find_site_for_request(request)
    root_model = site.root_page.specific_class if site else None
    if (
        root_model is not None
        and issubclass(root_model, AcademyPageMixin)
        and not getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    ):
        components = [component for component in path.split("/") if component]
        try:
            route = root_model.route_from_site_root(site.root_page, request, components)
        except Http404:
            route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
