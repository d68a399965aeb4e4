import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebound.settings")
application = get_wsgi_application()

# Everything imported so far (Django, the apps, their modules) lives as long as the process:
# move it out of the garbage collector's sight. Without this, the collector's full passes
# walked that whole heap again and again while rendering a list page, a quarter of a heavy
# user's table (issue 12's profile; the Python docs recommend gc.freeze() for this).
gc.freeze()
