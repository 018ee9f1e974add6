"""Shared test set-up: the pipeline package lives in hooks/, beside the MkDocs hook."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

import pytest  # noqa: E402

from sitebuild import BuiltSite, build_project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    """The project built once per test session from its real seeds, strictly."""
    built = build_project(tmp_path_factory.mktemp("real-site"), real_seeds=True, strict=True)
    assert built.returncode == 0, built.log
    return built
