"""The page-wide tools in the header: language, city search, copy link, reset."""

from __future__ import annotations

import panel as pn
import param

from ycsp_panel import data
from ycsp_panel.i18n import LANGUAGES, t
from ycsp_panel.state import find_cities
from ycsp_panel.views.base import View

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
ON_DARK = "label { color: #fff; }"  # the header is dark blue

# Copies the page's URL (which the app keeps in step with the view). The Clipboard API needs a
# secure context; a workshop served over plain http on a LAN is not one, so fall back to a
# selected textarea and execCommand, which still works there.
COPY_LINK_JS = """
const url = window.location.href;
const zh = document.documentElement.lang.startsWith("zh");
const copied = zh ? copied_zh : copied_en;
const failed = zh ? failed_zh : failed_en;
const say = (text) => {
  const before = source.label;
  source.label = text;
  setTimeout(() => { source.label = before; }, 2000);
};
const fallback = () => {
  const area = document.createElement("textarea");
  area.value = url;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove();
  say(ok ? copied : failed);
};
if (navigator.clipboard && window.isSecureContext) {
  navigator.clipboard.writeText(url).then(() => say(copied), fallback);
} else {
  fallback();
}
"""


class PageLanguage(pn.custom.JSComponent):
    """Keeps ``<html lang>`` on the chosen language, so screen readers and fonts follow it."""

    lang = param.String(default=HTML_LANG["zh"])

    _esm = """
    export function render({ model }) {
      const apply = () => { document.documentElement.lang = model.lang; };
      apply();
      model.on("lang", apply);
    }
    """


class Header(View):
    """Language toggle, city search, copy-link and reset buttons, bound to the state."""

    watches = ("lang",)

    def __init__(self, **params):
        super().__init__(**params)
        state = self.state
        self.language = pn.widgets.RadioButtonGroup(
            options={LANGUAGE_NAMES[lang]: lang for lang in LANGUAGES},
            value=state.lang,
            color="light",
            margin=(5, 5),
        )
        self.search = pn.widgets.AutocompleteInput(
            options={f"{c.name_zh} {c.name_en}": c.code for c in data.cities().itertuples()},
            case_sensitive=False,
            search_strategy="includes",
            restrict=False,
            min_characters=1,
            width=230,
            margin=(0, 5, 5, 5),
            stylesheets=[ON_DARK],
        )
        self.copy_link = pn.widgets.Button(color="light", margin=(5, 5))
        self.reset = pn.widgets.Button(color="light", margin=(5, 5))
        self._page_language = PageLanguage(lang=HTML_LANG[state.lang], height=0, width=0)
        self._relabel()
        # Registered once; the feedback follows the page's language (kept by PageLanguage).
        self.copy_link.js_on_click(
            args={
                "copied_zh": t("page.link_copied", "zh"),
                "copied_en": t("page.link_copied", "en"),
                "failed_zh": t("page.copy_failed", "zh"),
                "failed_en": t("page.copy_failed", "en"),
            },
            code=COPY_LINK_JS,
        )

        self.language.link(state, value="lang", bidirectional=True)
        self.search.param.watch(self._find, "value")
        self.reset.on_click(lambda _event: self.state.reset())
        self.__panel__()  # the header's tools are on the page from the start

    def refresh(self, changed: set[str]) -> None:
        self._relabel()

    def _relabel(self) -> None:
        lang = self.state.lang
        self._page_language.lang = HTML_LANG[lang]
        self.search.param.update(
            label=t("page.search", lang), placeholder=t("page.search_placeholder", lang)
        )
        self.copy_link.label = t("page.copy_link", lang)
        self.reset.label = t("page.reset", lang)

    def _find(self, event) -> None:
        text = event.new
        if not text:
            return
        codes = [text] if text in self.state.param.cities.objects else find_cities(text)
        shown = text if len(text) <= 40 else text[:39] + "…"
        if not codes:
            self.state.notify(
                f"没有与“{shown}”相符的城市；可输入中文名、英文名或拼音。",
                f"No city matches “{shown}”; type a Chinese or English name or pinyin.",
            )
        else:
            if len(codes) > 1:
                names = data.cities().set_index("code").loc[codes]
                self.state.notify(
                    f"“{shown}”与{len(codes)}个城市相符，均已突出显示："
                    + "、".join(names["name_zh"]),
                    f"“{shown}” matches {len(codes)} cities, all highlighted: "
                    + ", ".join(names["name_en"]),
                )
            self.state.cities = [
                *self.state.cities,
                *(c for c in codes if c not in self.state.cities),
            ]
        self.search.value = ""  # ready for the next search

    def _build(self) -> pn.viewable.Viewable:
        return pn.FlexBox(
            self.language,
            self.search,
            self.copy_link,
            self.reset,
            self._page_language,
            align_items="center",
            sizing_mode="stretch_width",
        )
