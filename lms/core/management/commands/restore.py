from django.core.management.base import BaseCommand, CommandError

from lms.core import backups


class Command(BaseCommand):
    help = "Replace the database and the media files by those of a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by `manage.py backup`")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="do not ask for confirmation",
        )  # fmt: skip

    def handle(self, *args, folder, interactive=True, **options):
        if interactive:
            answer = input(
                f"Everything in the database and the media folder is replaced by {folder}.\n"
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            backups.restore(folder)
        except backups.BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(f"Restored {folder}.")
