"""An editor's single correction, saved and visible to readers: p95 against the target of 300 ms.

    .venv/bin/python benchmarks/correction.py [--pages 24] [--corrections 40] [--json out.json]

Builds a generated edition (ground truth as the extraction, so the build is quick) into a site of its
own under build/bench/, publishes it, and then, as many times as asked, changes one article's headline
through the review editor's JSON endpoint as a logged-in editor (applied, logged, the edition's next
version, a search task queued) and fetches the article's page as an anonymous reader until it shows the
new headline (the first fetch does). Each sample is the time from sending the correction to the
reader's page in hand, through Django's whole request stack in this process (no network); reported as
p50, p95 and max, and p95 as a share of the target. Search follows by the queued task, which a worker
runs within its poll interval (0.5 s): its own time is reported beside (``search_p95_ms``), run here
after each sample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import time
from pathlib import Path

from common import BUILD, emit

TARGET_S = 0.300


def site(pages: int) -> tuple[int, str]:
    """A fresh site with the published edition; returns its id and one article's uid."""
    from broadsheet.site.environment import migrate, setup

    data = (BUILD / f"newsroom-{pages}p").resolve()
    shutil.rmtree(data, ignore_errors=True)
    setup({"BROADSHEET_DATA_DIR": str(data)})
    migrate()
    from broadsheet.editions.models import Article, EditionStatus
    from broadsheet.ingest import IngestOptions, build_for_review, store
    from broadsheet.ingest.images import ImageOptions
    from broadsheet.newsroom.publishing import publish
    from broadsheet.synthetic import SyntheticOptions, generate_edition
    from broadsheet.web.testing import FixedExtractor

    generated = generate_edition(SyntheticOptions(seed=2024, pages=pages), data / "gen", "bench")
    pub = store.get_publication("bench", "Bench", "en", "ltr")
    edition = store.begin_edition(pub, dt.date(2025, 1, 1), "", "en", "bench.pdf")
    options = IngestOptions(
        images=ImageOptions(full_dpi=72, screen_width=600), extractor=FixedExtractor(generated.pages)
    )
    build_for_review(edition, generated.pdf, options)
    edition.status, edition.page_count = EditionStatus.REVIEW, pages
    edition.save()
    publish(edition.id, None)
    article = Article.objects.filter(edition=edition).exclude(headline="").order_by("page__number", "order")[0]
    return edition.id, str(article.uid)


def measure(edition_id: int, uid: str, corrections: int) -> tuple[list[float], list[float]]:
    from django.test import Client

    from broadsheet.editions.models import Article
    from broadsheet.newsroom.queue import run_pending
    from broadsheet.newsroom.roles import Role, create_user

    editor, reader = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    editor.force_login(create_user("bench", Role.EDITOR, "a benchmark's password"))
    url = f"/staff/editions/{edition_id}/changes/"
    samples, search = [], []
    for n in range(corrections):
        headline = f"Correction number {n} of the benchmark"
        body = {"action": "text", "params": {"uid": uid, "fields": {"headline": headline}}}
        start = time.perf_counter()
        saved = editor.post(url, json.dumps(body), content_type="application/json")
        article = Article.objects.select_related("page").get(uid=uid, edition_id=edition_id)
        seen = reader.get(f"/bench/2025-01-01/article/{article.key}/")
        samples.append(time.perf_counter() - start)
        if saved.status_code != 200 or headline not in seen.content.decode():
            raise SystemExit(f"correction {n} was not visible: {saved.status_code} {seen.status_code}")
        start = time.perf_counter()
        run_pending()
        search.append(time.perf_counter() - start)
    return samples, search


def percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, round(share * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--corrections", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    edition_id, uid = site(args.pages)
    samples, search = (sorted(s) for s in measure(edition_id, uid, args.corrections))
    p95 = percentile(samples, 0.95)
    from broadsheet.editions.models import Article

    emit(
        {
            "pages": args.pages,
            "articles": Article.objects.filter(edition_id=edition_id).count(),
            "corrections": len(samples),
            "p50_ms": round(statistics.median(samples) * 1000, 1),
            "p95_ms": round(p95 * 1000, 1),
            "max_ms": round(samples[-1] * 1000, 1),
            "p95_of_target": round(p95 / TARGET_S, 2),
            "search_p95_ms": round(percentile(search, 0.95) * 1000, 1),
            "target_ms": TARGET_S * 1000,
        },
        args.json,
    )


if __name__ == "__main__":
    main()
