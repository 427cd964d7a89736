from django.core.management.base import BaseCommand, CommandError

from lms.core import backups


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into a new folder: "
        "$BACKUP_DIR/<timestamp>/ (default var/backups/<timestamp>/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the folder to create instead")

    def handle(self, *args, output=None, **options):
        try:
            folder = backups.backup(output or backups.default_folder())
        except (backups.BackupError, FileExistsError) as error:
            raise CommandError(error) from error
        self.stdout.write(str(folder))
