"""An article's main image: checked by content, sized once with Pillow, EXIF dropped, alt
text required, served in a few widths to whoever may read the article."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from samskab.news import services

from .conftest import fresh


def jpeg(width=2000, height=1000, gps=True) -> bytes:
    image = Image.new("RGB", (width, height), (200, 80, 40))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if gps:
        exif[0x8825] = {1: "N", 2: (55.0, 40.0, 0.0)}  # GPSInfo: a location
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png(width=300, height=200) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


def add(actor, article, content=None, filename="samling.jpg", alt="Deltakere i salen", **kw):
    return services.article_set_image(
        actor=actor,
        article=article,
        alt=alt,
        filename=filename,
        content=jpeg() if content is None else content,
        **kw,
    )


def test_sizes_made_once_in_webp_without_exif(
    secretariat, published, django_capture_on_commit_callbacks
):
    add(secretariat, published, caption="Samlingen", credit="Kari")
    published.refresh_from_db()
    widths = [s["width"] for s in published.image_sizes]
    assert widths == [480, 960, 1600]
    assert [s["height"] for s in published.image_sizes] == [240, 480, 800]
    for size in published.image_sizes:
        with default_storage.open(size["name"], "rb") as f:
            stored = Image.open(f)
            assert stored.format == "WEBP"
            assert not stored.getexif()  # neither the camera nor the location is kept
    assert (published.image_alt, published.image_caption, published.image_credit) == (
        "Deltakere i salen",
        "Samlingen",
        "Kari",
    )


def test_a_small_image_is_not_enlarged(secretariat, published):
    add(secretariat, published, content=png(), filename="logo.png")
    published.refresh_from_db()
    assert [(s["width"], s["height"]) for s in published.image_sizes] == [(300, 200)]


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.pdf", b"%PDF-1.4 a pdf"),  # allowed for cases, not an image
        ("photo.jpg", b"%PDF-1.4 a pdf"),  # the content is not what the name says
        ("photo.jpg", b"\xff\xd8\xff" + b"garbage" * 10),  # looks like JPEG, is not
        ("photo.svg", b"<svg onload='alert(1)'/>"),
        ("photo.jpg", b""),
    ],
)
def test_what_is_not_an_image_is_refused(secretariat, published, filename, content):
    with pytest.raises(ValidationError) as exc:
        add(secretariat, published, content=content, filename=filename)
    assert "image" in exc.value.message_dict
    published.refresh_from_db()
    assert published.image_sizes == []


def test_alt_text_is_required(secretariat, published):
    with pytest.raises(ValidationError) as exc:
        add(secretariat, published, alt="  ")
    assert "image_alt" in exc.value.message_dict


def test_too_large_is_refused(secretariat, published, monkeypatch):
    from samskab.news.services import images

    monkeypatch.setattr(images, "MAX_IMAGE_SIZE", 100)
    with pytest.raises(ValidationError) as exc:
        add(secretariat, published)
    assert "grænsen er 100" in exc.value.message_dict["image"][0]


@pytest.mark.parametrize(
    "role", ["anonymous", "logged_in", "other_group_coordinator", "other_secretariat"]
)
def test_only_editors_set_images(users, role, published):
    with pytest.raises(PermissionDenied):
        add(fresh(users[role]), published)
    with pytest.raises(PermissionDenied):
        services.article_remove_image(actor=fresh(users[role]), article=published)


def test_replacing_and_removing_delete_the_old_files(
    secretariat, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(secretariat, published)
    first = [s["name"] for s in published.image_sizes]
    with django_capture_on_commit_callbacks(execute=True):
        add(secretariat, published, content=png(), filename="ny.png")
    assert not any(default_storage.exists(n) for n in first)
    second = [s["name"] for s in published.image_sizes]
    with django_capture_on_commit_callbacks(execute=True):
        services.article_remove_image(actor=secretariat, article=published)
    assert not any(default_storage.exists(n) for n in second)
    assert published.image_sizes == [] and published.image_alt == ""


def test_article_page_shows_the_image_responsively_with_og(client, secretariat, published):
    add(secretariat, published, caption="Samlingen", credit="Kari")
    html = client.get(published.get_absolute_url()).content.decode()
    small = published.image_url(480)
    assert f'srcset="{small} 480w, {published.image_url(960)} 960w, ' in html
    assert 'alt="Deltakere i salen"' in html and 'sizes="(max-width: 72rem) 100vw, 72rem"' in html
    assert "<figcaption" in html and "Samlingen" in html and "Kari" in html
    assert (
        f'<meta property="og:image" content="http://testserver{published.image_url(1600)}">' in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    listing = client.get(reverse("news:list")).content.decode()
    assert f'src="{small}"' in listing
    response = client.get(small)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert response["Cache-Control"].startswith("public")
    assert client.get(published.image_url(123)).status_code == 404


def test_a_drafts_image_is_hidden_like_the_draft(client, secretariat, draft, plain_user):
    add(secretariat, draft)
    url = draft.image_url(480)
    assert client.get(url).status_code == 404
    client.force_login(plain_user)
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def edit_url(article, name="news:image_upload"):
    with translation.override(article.language):
        return reverse(name, kwargs={"slug": article.slug})


def test_upload_through_the_edit_page(client, secretariat, published):
    client.force_login(secretariat)
    upload = SimpleUploadedFile("samling.jpg", jpeg(), content_type="image/jpeg")
    response = client.post(
        edit_url(published), {"image": upload, "image_alt": "Salen", "image_caption": "Foto"}
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert len(published.image_sizes) == 3 and published.image_alt == "Salen"
    # The texts change without a new file.
    client.post(edit_url(published), {"image_alt": "Salen i Oslo"})
    published.refresh_from_db()
    assert published.image_alt == "Salen i Oslo" and len(published.image_sizes) == 3
    client.post(edit_url(published, "news:image_remove"))
    published.refresh_from_db()
    assert published.image_sizes == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"image_alt": ""}, "Dette felt er påkrævet."),
        ({"image_alt": "Salen"}, "Vælg et billede."),
        ({"image_alt": "Salen", "pdf": True}, "Vælg et billede: PNG, JPEG, GIF, WebP."),
    ],
)
def test_upload_errors_on_the_form_in_danish(client, secretariat, published, data, message):
    client.force_login(secretariat)
    data = dict(data)
    if data.pop("pdf", False):
        data["image"] = SimpleUploadedFile("r.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = client.post(edit_url(published), data)
    html = response.content.decode()
    assert response.status_code == 200 and "data-error-summary" in html
    assert message in html
    published.refresh_from_db()
    assert published.image_sizes == []


def test_feed_has_the_image_as_enclosure(client, secretariat, published):
    add(secretariat, published)
    rss = client.get(reverse("news:rss")).content.decode()
    assert '<enclosure length="' in rss and 'type="image/webp"' in rss
