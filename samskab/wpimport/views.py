"""The imported files of the old site's uploads folder, served as they were: public."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from samskab.core.guards import guard

from .selectors import imported_file


def file_of_network(request, pk, filename):
    found = imported_file(network=getattr(request, "network", None), pk=pk)
    if found is None or found.filename != filename:
        raise Http404
    return found


@require_GET
@guard(None, get=file_of_network)
def file_download(request, found):
    try:
        fh = default_storage.open(found.name, "rb")
    except OSError:
        raise Http404 from None
    inline = found.content_type.startswith("image/") or found.content_type == "application/pdf"
    response = FileResponse(
        fh, content_type=found.content_type, as_attachment=not inline, filename=found.filename
    )
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
