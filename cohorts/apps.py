from django.apps import AppConfig


class CohortsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cohorts"
    verbose_name = "Cohorts"

    def ready(self):
        from django.db.models.signals import post_save

        from cohorts import applications
        from cohorts.api import register
        from cohorts.models import Session
        from cohorts.reminders import session_saved

        # Routers join Wagtail's v3 API here, before its URLs are built (as in courses).
        register()
        # Participants groups, seats and the page cache follow cohorts and applications however
        # they are saved or deleted (admin, demo, an account deleted).
        applications.connect()
        # Wherever a session is saved (admin, demo, shell), its reminders follow its schedule.
        post_save.connect(session_saved, sender=Session, dispatch_uid="cohorts.session_saved")
