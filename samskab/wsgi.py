import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
application = get_wsgi_application()

# A server process builds the compound splitter's word lists before it accepts requests,
# so that the first search a worker answers does not wait for them (about a second).
from samskab.search import compounds  # noqa: E402

compounds.warm()
