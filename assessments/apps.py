from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = "Skills self-assessment"

    def ready(self):
        from assessments.api import register

        # Routers join Wagtail's v3 API here, before its URLs are built (as in courses).
        register()
