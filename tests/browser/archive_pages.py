"""What the browser tests know about the archive's pages and the screens they are read on."""
from __future__ import annotations

import re

# The only host a page of the archive may ask for anything.
LOCAL_HOST = "127.0.0.1"

# An article's address: articles/<year or "undated">/<slug>/
ARTICLE_HREF = re.compile(r"(^|/)articles/(\d{4}|undated)/[^/?#]+/(index\.html)?$")

# A year page of the archive: articles/2016/
YEAR_HREF = re.compile(r"(^|/)(\d{4}|undated)/(index\.html)?$")

# Marker every article page carries around its text.
ARTICLE_BODY = '[itemprop="articleBody"]'

# Desktop and phone viewports, in CSS pixels.
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
