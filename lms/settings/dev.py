from .base import *

DEBUG = env_bool("DEBUG", True)
# Dev-only fallback: production refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*")

try:
    from .local import *
except ImportError:
    pass
