"""Generated editions to upload, and uploading them as an editor would."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from broadsheet.synthetic.edition import GeneratedEdition, SyntheticOptions, generate_edition

A4 = (595.28, 841.89)


def generated(folder: Path, pages: int = 2, seed: int = 3) -> GeneratedEdition:
    """A generated edition (PDF and ground truth) in ``folder``."""
    return generate_edition(SyntheticOptions(seed=seed, pages=pages, page_size=A4), folder, f"gen-{seed}-{pages}")


def upload(client: Client, files: list[tuple[str, bytes]], date: str = "2025-04-20", **fields: str) -> object:
    """POST the upload form with ``files`` (name, bytes) for the first publication."""
    from broadsheet.editions.models import Publication

    pub = Publication.objects.get_or_create(slug="the-post", defaults={"name": "The Post"})[0]
    data = {"publication": str(pub.id), "date": date, "name": "", "language": "en", **fields}
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post("/staff/upload/", {**data, "upload": uploads})


def text_of(html: str) -> str:
    """What a page says, without its markup (entities decoded, whitespace collapsed)."""
    import html as entities
    import re

    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())
