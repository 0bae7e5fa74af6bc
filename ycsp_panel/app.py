"""Assembles the page; nothing is computed or read here beyond handing data to the views."""

from __future__ import annotations

import geoviews as gv
import panel as pn

from ycsp_panel import data
from ycsp_panel.i18n import LANGUAGES, t
from ycsp_panel.views import CityMap

_LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def create_app() -> pn.template.BootstrapTemplate:
    """The explorer page. BootstrapTemplate: it requests nothing from outside (no web fonts)."""
    gv.extension("bokeh", logo=False)
    pn.extension(design="bootstrap", notifications=False)

    city_map = CityMap(cities=data.geometry("city"), provinces=data.geometry("province"))
    language = pn.widgets.RadioButtonGroup(
        label=f"{t('app.language', 'zh')} / {t('app.language', 'en')}",
        options={_LANGUAGE_NAMES[lang]: lang for lang in LANGUAGES},
        value=city_map.lang,
        button_type="primary",
        button_style="outline",
    )
    language.link(city_map, value="lang")

    def about(lang: str) -> pn.pane.Markdown:
        return pn.pane.Markdown(
            f"### {t('about.heading', lang)}\n\n{t('about.body', lang)}\n\n"
            f"<small>{t('about.geometry', lang)}</small>",
            sizing_mode="stretch_width",
        )

    template = pn.template.BootstrapTemplate(
        title=f"{t('app.title', 'zh')} | {t('app.title', 'en')}",
        sidebar=[language, pn.bind(about, city_map.param.lang)],
        main=[city_map],
        sidebar_width=330,
        header_background="#1f3a5f",
    )
    return template
