"""Files attached to a case."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.files import store_file
from samskab.core.guards import require
from samskab.core.text import single_line

from ..files import check_material, clean_filename
from ..models import Case, CaseMaterial
from .cases import revision_record


@transaction.atomic
def material_add(*, actor, case: Case, title: str, filename: str, content: bytes) -> CaseMaterial:
    require(actor, "cases.change_case", case, _("You may not change this case."))
    filename = clean_filename(filename)
    content_type = check_material(filename, content)
    material = CaseMaterial(
        case=case,
        title=single_line(title or filename)[:200],
        filename=filename,
        content_type=content_type,
        size=len(content),
        order=case.materials.count(),
    )
    store_file(material.file, filename, ContentFile(content))  # a full disk: nothing saved
    material.save()
    revision_record(actor=actor, case=case, action="material_added")
    return material


@transaction.atomic
def material_delete(*, actor, case: Case, material: CaseMaterial) -> None:
    require(actor, "cases.change_case", case, _("You may not change this case."))
    if material.case_id != case.pk:
        raise ValidationError(_("That file belongs to another case."))
    name = material.file.name
    storage = material.file.storage
    material.delete()
    transaction.on_commit(lambda: storage.delete(name))
    revision_record(actor=actor, case=case, action="material_removed")
