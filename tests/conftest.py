"""Shared test set-up: the pipeline package lives in hooks/, beside the MkDocs hook."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

import os  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Property tests draw the same examples on every run, so a run (CI's included) passes or fails for a
# reason a rerun shows; HYPOTHESIS_PROFILE=explore draws new ones, to look for cases worth pinning.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

from sitebuild import BuiltSite, build_project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    """The project built once per test session from its real seeds, strictly."""
    built = build_project(tmp_path_factory.mktemp("real-site"), real_seeds=True, strict=True)
    assert built.returncode == 0, built.log
    return built
