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


def reviewed_edition(folder: Path, with_pdf: bool = True) -> int:
    """The reader's sample edition (three pages, known articles, a jump from page 1 to 2) built for review
    as an upload would be; its PDF kept as the upload when ``with_pdf``. Returns the edition's id."""
    import datetime as dt
    import shutil

    from broadsheet.editions.models import EditionStatus
    from broadsheet.ingest import IngestOptions, build_for_review, store
    from broadsheet.ingest.images import ImageOptions
    from broadsheet.newsroom import sources
    from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages

    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "sample.pdf"
    results = make_pdf(pdf, sample_pages())
    pub = store.get_publication("the-post", "The Post", "en", "ltr")
    edition = store.begin_edition(pub, dt.date(2025, 4, 20), "", "en", "sample.pdf")
    options = IngestOptions(
        images=ImageOptions(full_dpi=50, screen_width=400), workers=1, extractor=FixedExtractor(results)
    )
    summary = build_for_review(edition, pdf, options)
    edition.status, edition.page_count = EditionStatus.REVIEW, summary.pages
    edition.save()
    if with_pdf:
        sources.folder(edition.id).mkdir(parents=True)
        shutil.copy(pdf, sources.folder(edition.id) / "source.pdf")
    return edition.id


def uid_of(edition_id: int, headline: str) -> str:
    from broadsheet.editions.models import Article

    return str(Article.objects.get(edition_id=edition_id, headline=headline, page__number=1).uid)
