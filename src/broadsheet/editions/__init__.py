"""The editions app: Publication, Edition, Page and Article, and where their files are kept.

The reader, ingest and search use these models; this package imports none of them (LAYOUT.md).
"""
