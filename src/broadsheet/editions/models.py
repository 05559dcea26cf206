"""Publication → Edition → Page → Article, as Open ONI's Title → Issue → Page.

The models of every part of Broadsheet (the reader, ingest, search, later the newsroom), in an app of
their own. Their tables keep the names the reader's app first gave them (``reader_*``, ``db_table``):
moving the models here changed no table (migrations ``editions.0001`` and ``reader.0005``).

Designed to grow without a rewrite:
- An edition is built under a new row with ``status=processing`` and its own media folder, then swapped
  in by one transaction (:mod:`broadsheet.ingest.store`); readers only ever query ``published`` rows.
  The build it replaces stays (``replaced``, with its media) for readers who have its pages open, until
  ``broadsheet gc`` finds it older than the grace period (:mod:`broadsheet.site.gc`).
  The newsroom's uploads wait in ``review``, or ``scheduled`` until ``publish_at``, before that swap.
- A published edition's ``version`` counts its states readers have seen: a correction to it makes the
  next one, and what each version was is kept by its corrections (:class:`Correction`).
- Articles carry a ``revision``; staff corrections later add an ``ArticleRevision`` table whose latest
  row is copied onto the article, so reads and the search index stay on one table.
- Media paths are relative names in Django's default storage (:mod:`broadsheet.editions.media`), so
  object storage is a setting (``STORAGES``), not a rewrite.
- An article's ``uid`` is its identity across builds: a re-ingest carries it (and the URL ``key``) over
  to the same story (:mod:`broadsheet.ingest.identity`); corrections attach to it, not to a row id.
- A page's ``fingerprint`` says what it prints: a build from a new PDF of an edition (``replaces``)
  keeps the corrected items of the pages that print the same (:mod:`broadsheet.ingest.corrections`).
- Only portable field types (JSONField, no SQLite-only SQL here): PostgreSQL needs no model change.
- A publication's slug and an edition's name are validated against the edition URLs' pattern
  (:mod:`broadsheet.editions.slugs`): they are parts of URLs and of media paths.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.db.models import Q

from broadsheet.editions.slugs import (
    MAX_EDITION_CHARS,
    MAX_PUBLICATION_CHARS,
    validate_edition_name,
    validate_publication_slug,
)


class Publication(models.Model):
    """A newspaper title; its slug is the first part of every URL."""

    slug = models.SlugField(max_length=MAX_PUBLICATION_CHARS, unique=True, validators=[validate_publication_slug])
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=12, default="en")
    direction = models.CharField(max_length=3, default="ltr")
    # what its type styles and places mean (broadsheet.extract.profile, as JSON); every ingest uses it
    profile = models.JSONField(null=True, blank=True)

    class Meta:
        db_table = "reader_publication"
        ordering = ["name"]  # noqa: RUF012 (Django compares it as a list)

    def __str__(self) -> str:
        return self.name


class EditionStatus(models.TextChoices):
    """Where an edition is. The CLI's ingest goes from processing to published; the newsroom's uploads
    stop at review (needs review), and go on to scheduled or published when an editor says so."""

    PROCESSING = "processing"
    REVIEW = "review", "needs review"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    REPLACED = "replaced"
    FAILED = "failed"


class Edition(models.Model):
    """One issue of a publication on a date (``name`` tells regional editions apart; '' is the main one)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="editions")
    date = models.DateField()
    name = models.SlugField(max_length=MAX_EDITION_CHARS, blank=True, default="", validators=[validate_edition_name])
    language = models.CharField(max_length=12, default="en")
    direction = models.CharField(max_length=3, default="ltr")
    status = models.CharField(max_length=12, choices=EditionStatus.choices, default=EditionStatus.PROCESSING)
    source_name = models.CharField(max_length=255, default="")
    media_dir = models.CharField(max_length=255)
    page_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)  # when a scheduled edition goes out
    # when another build took its place; `broadsheet gc` removes it once the grace period has passed
    replaced_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)  # 0 until first published; each later correction adds 1
    error = models.TextField(blank=True, default="")  # why a failed edition failed, for the newsroom
    # a build from a new PDF of an edition: the edition it replaces, and what became of that edition's
    # corrections ({"kept": [[old page, new page]…], "dropped": [[old page, why]…]}, broadsheet.ingest.corrections)
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replacements")
    kept_corrections = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "reader_edition"
        ordering = ["-date", "name"]  # noqa: RUF012 (Django compares it as a list)
        constraints = (
            models.UniqueConstraint(
                fields=["publication", "date", "name"],
                condition=Q(status="published"),
                name="one_published_edition",
            ),
        )
        indexes = (
            models.Index(fields=["publication", "status", "date"]),
            # every search asks which editions are not published: few rows, found without a scan
            models.Index(fields=["status"], condition=~Q(status="published"), name="edition_unpublished"),
        )

    def __str__(self) -> str:
        return f"{self.publication.slug} {self.date.isoformat()} {self.name}".strip()

    @property
    def url_key(self) -> str:
        """The edition's part of its URLs: the date, plus ``/ed-NAME`` for a named edition."""
        return self.date.isoformat() + (f"/ed-{self.name}" if self.name else "")


class Page(models.Model):
    """One page: its size in PDF points, its images' sizes in pixels and what extraction said."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    width_pt = models.FloatField()
    height_pt = models.FloatField()
    image_width = models.PositiveIntegerField(default=0)
    image_height = models.PositiveIntegerField(default=0)
    text_layer = models.CharField(max_length=20, default="ok")
    problems = models.JSONField(default=list)
    error = models.TextField(blank=True, default="")
    fingerprint = models.CharField(max_length=64, blank=True, default="")  # what it prints (broadsheet.pdf.fingerprint)

    class Meta:
        db_table = "reader_page"
        ordering = ["number"]  # noqa: RUF012 (Django compares it as a list)
        constraints = (models.UniqueConstraint(fields=["edition", "number"], name="page_number_unique"),)

    def media_path(self, name: str) -> str:
        """Relative media path of one of this page's files (``thumb.jpg``, ``screen.jpg``, ``iiif/``)."""
        return f"{self.edition.media_dir}/p{self.number}/{name}"


class Article(models.Model):
    """An article's text and where it is on its page.

    A row belongs to one build of its edition; the story it holds is ``uid``, shared by its rows in
    every build, and ``key`` (its URL slug within the edition) goes with it. A story first seen gets the
    key ``<page>-<extractor item id>`` unless an earlier build used that key for another story.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="articles")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="articles")
    uid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    key = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(default=0)
    regions = models.JSONField(default=list)
    kicker = models.TextField(blank=True, default="")
    headline = models.TextField(blank=True, default="")
    subheadline = models.TextField(blank=True, default="")
    byline = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    captions = models.JSONField(default=list)
    jump_to_page = models.PositiveIntegerField(null=True, blank=True)
    jump_from_page = models.PositiveIntegerField(null=True, blank=True)
    continues_in = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continued_from"
    )
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        db_table = "reader_article"
        ordering = ["page__number", "order"]  # noqa: RUF012 (Django compares it as a list)
        constraints = (
            models.UniqueConstraint(fields=["edition", "key"], name="article_key_unique"),
            models.UniqueConstraint(fields=["edition", "uid"], name="article_uid_unique"),
        )

    def __str__(self) -> str:
        return self.headline or self.key

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    @property
    def title(self) -> str:
        """What lists show: the headline, or the body's first words when there is none."""
        if self.headline:
            return self.headline
        words = self.body.split()
        return " ".join(words[:10]) + ("…" if len(words) > 10 else "") if words else f"Article {self.key}"

    def clip_path(self) -> str:
        """Relative media path of the article's page clip (cut at ingest by ``ingest.images.write_clips``)."""
        return self.page.media_path(f"clips/{self.key}.jpg")

    def region_boxes(self) -> list[dict[str, Any]]:
        """Regions as fractions of the page (0–1), what the page view positions outlines with."""
        w, h = self.page.width_pt or 1.0, self.page.height_pt or 1.0
        return [{"x": r[0] / w, "y": r[1] / h, "w": (r[2] - r[0]) / w, "h": (r[3] - r[1]) / h} for r in self.regions]


class PageItem(models.Model):
    """What else is on a page, for the newsroom's review and ground truth: an advert, the masthead,
    furniture or a photo standing alone. Readers never open these; an editor may make one an article
    (and an article one of these), when it keeps its ``uid``. ``texts`` keeps an article's text while
    it is something else, so that making it an article again gives its text back."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="items")
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=12)
    order = models.PositiveIntegerField(default=0)
    regions = models.JSONField(default=list)
    texts = models.JSONField(default=dict)

    class Meta:
        ordering = ["page__number", "order"]  # noqa: RUF012 (Django compares it as a list)
        constraints = (models.UniqueConstraint(fields=["edition", "uid"], name="page_item_uid_unique"),)


class Correction(models.Model):
    """One change an editor made to an edition: who, when, what, and the state before and after of every
    item it touched (by ``uid``, each an item's whole state, or null where there was none).

    The log is what undo and versions are made of: undoing a correction applies its ``before``; the
    state of an edition at version N is, for each item changed since, the ``before`` of the first later
    correction that touched it. ``version`` is the edition's version once the correction was made (0
    while it was never published).
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="corrections")
    user = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=40)
    summary = models.TextField()
    uids = models.JSONField(default=list)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    version = models.PositiveIntegerField(default=0)
    undoes = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    undone = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]  # noqa: RUF012 (Django compares it as a list)
        indexes = (models.Index(fields=["edition", "version"]),)

    def __str__(self) -> str:
        return self.summary
