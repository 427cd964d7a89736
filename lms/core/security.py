"""Content-Security-Policy: strict on the public site, relaxed only inside Wagtail's admin.

The public policy (settings.CONTENT_SECURITY_POLICY) allows scripts and styles from the site's own
files only, with no nonce: anonymous pages are cached whole (lms/core/cache.py), so a nonce would
be served to every visitor alike. Wagtail's admin writes inline scripts and styles, so paths under
/admin/ (its page previews included) get settings.ADMIN_CONTENT_SECURITY_POLICY instead.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware

ADMIN_PATH_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PATH_PREFIX)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
