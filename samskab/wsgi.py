import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
application = get_wsgi_application()

# What a worker's first request would wait for is built now (samskab.core.warmup).
from samskab.core import warmup  # noqa: E402

warmup.run()
