"""The page-wide tools in the header: language, city search, copy link, reset."""

from __future__ import annotations

import panel as pn
import param

from ycsp_panel import data
from ycsp_panel.i18n import LANGUAGES, t
from ycsp_panel.state import find_cities
from ycsp_panel.url import shown
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


# A projector's tools: not on a phone, where they would take a row of the header.
NOT_ON_PHONES = "@media (max-width: 600px) { :host { display: none !important; } }"
# The same view with presentation mode switched (the page's URL always holds the view).
PRESENT_JS = """
const url = new URL(window.location.href);
if (url.searchParams.get("present") === "1") { url.searchParams.delete("present"); }
else { url.searchParams.set("present", "1"); }
window.location.assign(url.toString());
"""
# A single view's way to the whole explorer: the same view, in a tab of its own (the single view
# is usually in a portal's iframe).
WHOLE_PAGE_JS = """
const url = new URL(window.location.href);
url.searchParams.delete("view");
window.open(url.toString(), "_blank", "noopener");
"""
FULL_SCREEN_JS = """
if (document.fullscreenElement) { document.exitFullscreen(); }
else if (document.documentElement.requestFullscreen) {
  document.documentElement.requestFullscreen().catch(() => {});
}
"""


def search_options() -> dict[str, str]:
    """The search's suggestions, label → city code: each city under its English name and
    under its Chinese name (``Suzhou · 苏州市``, ``苏州市 · Suzhou``), so that a name's start in
    either script finds it; two cities that share a name are both offered, told apart by
    their province (``Taizhou (Jiangsu)``, ``Taizhou (Zhejiang)``)."""
    options = {}
    for city in data.cities().itertuples():
        options[f"{city.name_en} · {city.name_zh}"] = city.code
        options[f"{city.name_zh} · {city.name_en}"] = city.code
    return options


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
            options=search_options(),
            case_sensitive=False,
            # A name's start, in either script: "su" offers Suzhou, not Taizhou (Jiangsu).
            search_strategy="starts_with",
            restrict=False,
            min_characters=1,
            width=230,
            margin=(0, 5, 5, 5),
            stylesheets=[ON_DARK],
        )
        self.copy_link = pn.widgets.Button(color="light", margin=(5, 5))
        self.reset = pn.widgets.Button(color="light", margin=(5, 5))
        # Presentation mode is a page of its own: the button opens this view laid out for a
        # projector (or back), by its link; full screen is the browser's, on a click.
        # On a phone, a way out of presentation mode (a shared link) but no way in.
        self.present = pn.widgets.Button(
            color="light",
            margin=(5, 5),
            css_classes=["ycsp-present"],
            stylesheets=[] if state.present else [NOT_ON_PHONES],
        )
        self.present.js_on_click(code=PRESENT_JS)
        self.full_screen = pn.widgets.Button(
            color="light",
            margin=(5, 5),
            visible=state.present,
            css_classes=["ycsp-full-screen"],
            stylesheets=[NOT_ON_PHONES],
        )
        self.full_screen.js_on_click(code=FULL_SCREEN_JS)
        self.whole_page = pn.widgets.Button(
            color="light", margin=(5, 5), visible=bool(state.view), css_classes=["ycsp-whole"]
        )
        self.whole_page.js_on_click(code=WHOLE_PAGE_JS)
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
        self.present.label = t("page.present.exit" if self.state.present else "page.present", lang)
        self.full_screen.label = t("page.full_screen", lang)
        self.whole_page.label = t("page.whole", lang)

    def _find(self, event) -> None:
        text = event.new
        if not text:
            return
        picked = text in self.state.param.cities.objects
        codes = [text] if picked else find_cities(text)
        if codes:  # highlighted first: what is said next holds for this highlight
            self.state.cities = [
                *self.state.cities,
                *(c for c in codes if c not in self.state.cities),
            ]
        self._say_what_was_found(text, codes, picked)
        self.search.value = ""  # ready for the next search

    def _say_what_was_found(self, text: str, codes: list[str], picked: bool) -> None:
        names = data.cities().set_index("code")
        typed = self.search.value_input or ""
        if picked and len(alike := find_cities(typed)) > 1 and text in alike:
            # Enter took the menu's first suggestion for a name two cities share: say so,
            # and name the other(s), which the menu offers too.
            others = [c for c in alike if c != text]
            self.state.notify(
                f"“{shown(typed)}”有{len(alike)}个城市：已突出显示{names.loc[text, 'name_zh']}"
                f"（{names.loc[text, 'province_zh']}）；另有"
                + "、".join(
                    f"{names.loc[c, 'name_zh']}（{names.loc[c, 'province_zh']}）" for c in others
                )
                + "，可在列表中选择。",
                f"“{shown(typed)}” names {len(alike)} cities: highlighted "
                f"{names.loc[text, 'name_en']}; also "
                + ", ".join(names.loc[c, "name_en"] for c in others)
                + ", which the list offers.",
            )
        elif not codes:
            self.state.notify(
                f"没有与“{shown(text)}”相符的城市；可输入中文名、英文名或拼音。",
                f"No city matches “{shown(text)}”; type a Chinese or English name or pinyin.",
            )
        elif len(codes) > 1:
            self.state.notify(
                f"“{shown(text)}”与{len(codes)}个城市相符，均已突出显示："
                + "、".join(names.loc[codes, "name_zh"]),
                f"“{shown(text)}” matches {len(codes)} cities, all highlighted: "
                + ", ".join(names.loc[codes, "name_en"]),
            )

    def _build(self) -> pn.viewable.Viewable:
        # The buttons first, the search last: on a phone they share one row, the search the
        # next, and the header stays short.
        if self.state.view:  # a single view, in an iframe: its language, its link, the page
            tools = [self.language, self.copy_link, self.whole_page]
        else:
            tools = [
                self.language,
                self.copy_link,
                self.reset,
                self.present,
                self.full_screen,
                self.search,
            ]
        return pn.FlexBox(
            *tools, self._page_language, align_items="center", sizing_mode="stretch_width"
        )
