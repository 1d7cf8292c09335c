from django.http import Http404

from .models import Form


def form_in_network(*, network, pk: int) -> Form:
    """The form with this id in the network, or 404."""
    form = Form.objects.filter(pk=pk, network=network).first()
    if form is None:
        raise Http404
    return form
