"""Every label exists in both languages."""

import pytest

from ycsp_panel.i18n import LABELS, LANGUAGES, both, t


def test_every_label_has_every_language():
    for key, texts in LABELS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
        assert texts["zh"] != texts["en"], key


def test_lookup():
    assert t("map.city", "en") == "City"
    assert both("map.city") == "城市 · City"
    with pytest.raises(KeyError, match="no label 'nope'"):
        t("nope", "zh")
