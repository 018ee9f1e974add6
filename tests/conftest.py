"""Shared test set-up: the pipeline package lives in hooks/, beside the MkDocs hook."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
