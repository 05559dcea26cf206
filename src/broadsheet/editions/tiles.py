"""How a page's IIIF tiles are named in URLs and kept as files: one folder of files, not a folder a tile.

OpenSeadragon (and any IIIF client) asks a level-0 image service for ``<service>/<region>/<size>/0/default.jpg``.
Kept under those names on a local disk, a tile is three folders and a file: a page's fifty-odd tiles made
some 160 folders, and making them was most of the system time an ingest spent (issue 12; on this
project's journal-less ext4 every folder takes an inode and a block of its own). So a local media folder
keeps each tile as ``<service>/<region>_<size>.jpg``, in the service's one folder beside ``info.json``,
and whatever serves the folder — the reader's media view (:func:`broadsheet.editions.media.open_file`),
or nginx (docs/deploy.md) — answers the IIIF URL from that file. The URLs readers and IIIF clients fetch
are unchanged. A storage that is not a local folder (object storage) has no folders to make and serves
its files by their names, so it keeps the tiles under their IIIF names (:func:`url_name`); builds made
before this layout are found under those names too.
"""

from __future__ import annotations

import re

# a path under the media folder (its service's folder ends in ``iiif/``), or, for a URL's name, one under
# the service
_URL_NAME = re.compile(r"(?P<service>(?:.*/)?iiif/)?(?P<region>[^/_]+)/(?P<size>[^/_]+)/0/default\.jpg")
_FILE_NAME = re.compile(r"(?P<service>(?:.*/)?iiif/)(?P<region>[^/_]+)_(?P<size>[^/_]+)\.jpg")


def file_name(region: str, size: str) -> str:
    """A tile's file in its service's folder, for the IIIF ``region`` and ``size`` it answers."""
    return f"{region}_{size}.jpg"


def stored_name(name: str) -> str:
    """The file a local media folder keeps for ``name`` (a path under the media folder, or under the
    service's folder): a tile's IIIF URL path becomes its file's (``…/iiif/0,0,512,512/512,512/0/default.jpg``
    → ``…/iiif/0,0,512,512_512,512.jpg``); any other name is its own."""
    match = _URL_NAME.fullmatch(name)
    return f"{match['service'] or ''}{file_name(match['region'], match['size'])}" if match else name


def url_name(name: str) -> str:
    """The inverse of :func:`stored_name` for a path that names the service's folder (``…iiif/<file>``):
    the IIIF URL path of a tile's file; any other name is its own."""
    match = _FILE_NAME.fullmatch(name)
    return f"{match['service']}{match['region']}/{match['size']}/0/default.jpg" if match else name
