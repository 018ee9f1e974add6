"""Deterministic builds: the same repository builds to byte-identical site trees (SOURCE_DATE_EPOCH honoured)."""
from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import BuiltSite, build_project

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Every file of a built site, by its path in the site, with its bytes
def _site_files(built: BuiltSite) -> dict[str, bytes]:
    return {path.relative_to(built.site).as_posix(): path.read_bytes() for path in built.site.rglob("*") if path.is_file()}


# Build the real seeds in `folder` under a given hash seed, with SOURCE_DATE_EPOCH set
def _build(folder, monkeypatch, hash_seed: str) -> BuiltSite:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    monkeypatch.setenv("PYTHONHASHSEED", hash_seed)
    built = build_project(folder, real_seeds=True, strict=True)
    assert built.returncode == 0, built.log
    return built


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


# Build a copy of an already built project again (same sources, even while the repository is being edited)
def _rebuild_copy(built: BuiltSite, folder: Path, hash_seed: str) -> BuiltSite:
    project = folder / "project"
    shutil.copytree(built.project, project, ignore=shutil.ignore_patterns(".cache", "__pycache__"))
    site = folder / "site"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(EPOCH), PYTHONHASHSEED=hash_seed)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(project, site, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[BuiltSite, BuiltSite]:
    """The real project built twice, in different folders, with different string hashing and a cold cache."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        first = _build(tmp_path_factory.mktemp("first"), monkeypatch, "1")
    second = _rebuild_copy(first, tmp_path_factory.mktemp("second-build-elsewhere"), "2")
    return first, second


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_two_builds_are_byte_identical(two_builds):
    first, second = (_site_files(built) for built in two_builds)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_sitemap_dates_come_from_source_date_epoch(two_builds):
    sitemap = two_builds[0].page("sitemap.xml")
    day = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).date().isoformat()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {day}


def test_gzipped_sitemap_has_a_fixed_timestamp_and_no_build_path(two_builds):
    raw = (two_builds[0].site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])
    assert mtime == int(dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).replace(hour=0, minute=0, second=0).timestamp())
    assert str(two_builds[0].site).encode() not in raw
    assert gzip.decompress(raw).decode("utf-8") == two_builds[0].page("sitemap.xml")


def test_no_build_folder_or_machine_path_leaks_into_the_site(two_builds):
    for built in two_builds:
        project = str(built.project).encode()
        leaks = [path for path, data in _site_files(built).items() if project in data or str(built.site).encode() in data]
        assert leaks == []

