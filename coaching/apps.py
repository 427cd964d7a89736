from django.apps import AppConfig


class CoachingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coaching"
    verbose_name = "Coaching"

    def ready(self):
        from django.db.models.signals import post_delete

        from coaching.api import register
        from coaching.models import Feedback, SubmissionFile, delete_stored_file

        # Routers join Wagtail's v3 API here, before its URLs are built (as in courses).
        register()
        # However a file's row goes (deleted alone, with its submission, with an account), its
        # stored file goes too.
        for model in (SubmissionFile, Feedback):
            post_delete.connect(
                delete_stored_file, sender=model, dispatch_uid=f"coaching.delete_{model.__name__}"
            )
