#!/usr/bin/env python3
"""Writes V4__catalog.sql: the problem taxonomy modelled on GB/T 30428.2 (部件 COMPONENT / 事件 EVENT).

Kept as a script so the tree stays readable; the migration it writes is committed and never edited after it
has landed (later changes go into new migrations or are made by staff on the category pages).
Columns of a leaf: department, handling mode, accept hours, handle hours, basis (W working / C calendar),
legal basis, icon (bootstrap-icons name, only for the common ones shown as buttons).
"""
import sys

ENV = "市容环卫服务中心"
GREEN = "园林绿化科"
MUNI = "市政管理科"
LIGHT = "城市亮化科"
ENF = "综合执法科"
CITY = "城市管理科"
WORKS = "市政工程科"
HOUSING = "高新区住房和城乡建设局"
ECO = "高新区生态环境分局"
POLICE = "枣庄市公安局高新分局"
FIRE = "高新区消防救援大队"
WATER = "供水公司"
GAS = "燃气公司"
HEAT = "供热公司"

L_RONG = "《城市市容和环境卫生管理条例》"
L_PLAN = "《中华人民共和国城乡规划法》第六十四条"
L_GREEN = "《城市绿化条例》第二十六条"
L_AD = "《城市市容和环境卫生管理条例》第十一条"
L_NOISE = "《中华人民共和国噪声污染防治法》"
L_AIR = "《中华人民共和国大气污染防治法》"
L_PROP = "《物业管理条例》第四十九条"
L_WASTE = "《生活垃圾分类管理办法》"
L_ROAD = "《城市道路管理条例》"


def leaf(code, name, dept, mode, accept, handle, basis="W", law=None, icon=None):
    return ("leaf", code, name, dept, mode, accept, handle, basis, law, icon)


def node(code, name, *children):
    return ("node", code, name, children)


EVENT = node("E", "事件",
    node("E01", "市容环境",
        leaf("E0101", "暴露垃圾", ENV, "DISPATCHED", 1, 4, "C", L_RONG + "第三十二条", "trash"),
        leaf("E0102", "积存垃圾渣土", ENV, "DISPATCHED", 2, 24, "C", L_RONG),
        leaf("E0103", "道路不洁", ENV, "DISPATCHED", 2, 8, "C", L_RONG),
        leaf("E0104", "水域不洁", ENV, "DISPATCHED", 2, 24, "C"),
        leaf("E0105", "绿地脏乱", ENV, "DISPATCHED", 2, 24, "C"),
        leaf("E0106", "垃圾分类不规范", ENV, "SELF", 2, 24, "W", L_WASTE, "recycle"),
        leaf("E0107", "垃圾桶满溢", ENV, "DISPATCHED", 1, 4, "C", L_RONG, "trash3"),
        leaf("E0108", "焚烧垃圾树叶", ENF, "ENFORCEMENT", 1, 4, "C", L_AIR),
        leaf("E0109", "动物尸体", ENV, "DISPATCHED", 1, 4, "C"),
        leaf("E0110", "餐饮油烟扰民", ENF, "ENFORCEMENT", 2, 72, "W", L_AIR + "第八十一条", "cloud-haze2"),
        leaf("E0111", "噪声扰民", ECO, "DISPATCHED", 2, 48, "W", L_NOISE, "volume-up"),
        leaf("E0112", "露天烧烤", ENF, "ENFORCEMENT", 1, 24, "C", L_AIR + "第一百一十八条"),
        leaf("E0113", "违规饲养家禽家畜", CITY, "SELF", 2, 72, "W"),
        leaf("E0114", "宠物粪便", CITY, "SELF", 2, 24, "W"),
    ),
    node("E02", "宣传广告",
        leaf("E0201", "非法小广告", ENF, "SELF", 2, 24, "C", L_RONG + "第十七条", "sticky"),
        leaf("E0202", "违规张贴悬挂宣传品", ENF, "SELF", 2, 24, "C", L_AD),
        leaf("E0203", "户外广告设施破损", ENF, "DISPATCHED", 2, 72, "W", L_AD),
        leaf("E0204", "违规设置户外广告", ENF, "ENFORCEMENT", 2, 120, "W", L_AD, "badge-ad"),
        leaf("E0205", "占道广告牌", ENF, "SELF", 2, 24, "C", L_AD),
        leaf("E0206", "条幅横幅违规", ENF, "SELF", 2, 24, "C", L_AD),
        leaf("E0207", "乱涂乱画", ENV, "DISPATCHED", 2, 48, "W", L_RONG + "第十七条", "brush"),
    ),
    node("E03", "施工管理",
        leaf("E0301", "施工扰民", ECO, "DISPATCHED", 2, 48, "W", L_NOISE),
        leaf("E0302", "工地扬尘", ENF, "ENFORCEMENT", 2, 48, "W", L_AIR + "第六十九条"),
        leaf("E0303", "道路遗撒", ENF, "ENFORCEMENT", 1, 8, "C", L_RONG + "第十五条"),
        leaf("E0304", "渣土车违规运输", ENF, "ENFORCEMENT", 1, 24, "C"),
        node("E0305", "违规装修",
            leaf("E030501", "拆改承重结构", HOUSING, "ENFORCEMENT", 1, 48, "W", "《住宅室内装饰装修管理办法》第五条", "hammer"),
            leaf("E030502", "装修垃圾乱堆", ENV, "SELF", 2, 24, "C", L_PROP),
            leaf("E030503", "擅自改变房屋外立面", ENF, "ENFORCEMENT", 2, 120, "W", L_PLAN),
            leaf("E030504", "装修噪声扰民", ECO, "SELF", 2, 24, "W", L_NOISE),
        ),
        leaf("E0306", "施工占道", ENF, "ENFORCEMENT", 2, 48, "W", L_ROAD + "第二十七条"),
        leaf("E0307", "无证掘路", ENF, "ENFORCEMENT", 1, 24, "C", L_ROAD + "第二十九条"),
        leaf("E0308", "施工围挡破损", WORKS, "DISPATCHED", 2, 48, "W"),
    ),
    node("E04", "突发事件",
        leaf("E0401", "路面塌陷", WORKS, "DISPATCHED", 0.5, 8, "C", L_ROAD, "cone-striped"),
        leaf("E0402", "道路积水", MUNI, "DISPATCHED", 0.5, 8, "C"),
        leaf("E0403", "道路积雪结冰", ENV, "DISPATCHED", 1, 12, "C"),
        leaf("E0404", "燃气泄漏", GAS, "DISPATCHED", 0.5, 2, "C", "《城镇燃气管理条例》", "fire"),
        leaf("E0405", "供水管道爆裂", WATER, "DISPATCHED", 0.5, 12, "C", "《城市供水条例》", "droplet"),
        leaf("E0406", "供热故障", HEAT, "DISPATCHED", 1, 24, "C", "《山东省供热条例》", "thermometer-half"),
        leaf("E0407", "树木倒伏", GREEN, "DISPATCHED", 0.5, 8, "C"),
        leaf("E0408", "消防通道堵塞", FIRE, "DISPATCHED", 1, 24, "C", "《中华人民共和国消防法》第二十八条"),
        leaf("E0409", "井盖缺失", MUNI, "DISPATCHED", 0.5, 4, "C", L_ROAD),
    ),
    node("E05", "街面秩序",
        node("E0501", "占道经营",
            leaf("E050101", "流动摊贩", ENF, "SELF", 1, 4, "C", L_RONG + "第十四条", "shop"),
            leaf("E050102", "店外经营", ENF, "SELF", 1, 24, "C", L_RONG + "第十四条", "shop-window"),
            leaf("E050103", "夜市摊点超时超范围", ENF, "SELF", 1, 24, "C", L_RONG),
        ),
        node("E0502", "乱停乱放",
            leaf("E050201", "机动车乱停", POLICE, "DISPATCHED", 1, 8, "C", "《中华人民共和国道路交通安全法》第五十六条", "car-front"),
            leaf("E050202", "非机动车乱停", CITY, "SELF", 1, 8, "C", None, "bicycle"),
            leaf("E050203", "共享单车乱放", CITY, "DISPATCHED", 1, 8, "C"),
            leaf("E050204", "僵尸车", POLICE, "DISPATCHED", 2, 120, "W"),
        ),
        leaf("E0503", "乱堆乱放", CITY, "SELF", 1, 24, "C", L_RONG + "第十八条", "box-seam"),
        node("E0504", "乱拉乱接",
            leaf("E050401", "飞线充电", FIRE, "SELF", 1, 24, "C", "《中华人民共和国消防法》", "plug"),
            leaf("E050402", "私拉乱接线缆", CITY, "SELF", 2, 48, "W"),
        ),
        node("E0505", "违法建设",
            node("E050501", "私搭乱建",
                leaf("E05050101", "屋顶加建", ENF, "ENFORCEMENT", 2, 240, "W", L_PLAN, "house-add"),
                leaf("E05050102", "院落搭建", ENF, "ENFORCEMENT", 2, 240, "W", L_PLAN),
                leaf("E05050103", "侵占公共空间搭建", ENF, "ENFORCEMENT", 2, 240, "W", L_PLAN),
            ),
            leaf("E050502", "违法改建扩建", ENF, "ENFORCEMENT", 2, 240, "W", L_PLAN),
            leaf("E050503", "正在施工的违法建设", ENF, "ENFORCEMENT", 1, 24, "C", L_PLAN),
        ),
        node("E0506", "毁绿占绿",
            leaf("E050601", "侵占绿地", ENF, "ENFORCEMENT", 2, 120, "W", L_GREEN, "tree"),
            leaf("E050602", "毁坏树木", ENF, "ENFORCEMENT", 2, 72, "W", "《城市绿化条例》第二十六条"),
            leaf("E050603", "绿地种菜", GREEN, "SELF", 2, 72, "W", L_GREEN),
        ),
        leaf("E0507", "沿街晾挂", CITY, "SELF", 2, 24, "C", L_RONG + "第十条"),
        leaf("E0508", "门前三包不落实", CITY, "SELF", 2, 48, "W", L_RONG),
        leaf("E0509", "废品收购点违规经营", ENF, "ENFORCEMENT", 2, 72, "W"),
    ),
    node("E06", "其他事件",
        leaf("E0601", "物业服务不到位", HOUSING, "DISPATCHED", 2, 72, "W", L_PROP, "building"),
        leaf("E0602", "城市管理咨询", CITY, "ON_THE_SPOT", 2, 24, "W", None, "question-circle"),
        leaf("E0603", "其他问题", CITY, "DISPATCHED", 2, 72, "W", None, "three-dots"),
    ),
)

COMPONENT = node("C", "部件",
    node("C01", "公用设施",
        leaf("C0101", "上水井盖", WATER, "DISPATCHED", 1, 24, "C"),
        leaf("C0102", "污水井盖", MUNI, "DISPATCHED", 1, 24, "C"),
        leaf("C0103", "雨水篦子", MUNI, "DISPATCHED", 1, 24, "C"),
        leaf("C0104", "燃气井盖", GAS, "DISPATCHED", 1, 24, "C"),
        leaf("C0105", "热力井盖", HEAT, "DISPATCHED", 1, 24, "C"),
        leaf("C0106", "消防栓", FIRE, "DISPATCHED", 2, 48, "W"),
        leaf("C0107", "电力设施箱", CITY, "DISPATCHED", 2, 72, "W"),
        leaf("C0108", "通信交接箱", CITY, "DISPATCHED", 2, 72, "W"),
        leaf("C0109", "路灯", LIGHT, "DISPATCHED", 2, 48, "W", None, "lightbulb"),
        leaf("C0110", "景观灯", LIGHT, "DISPATCHED", 2, 72, "W"),
        leaf("C0111", "供水设施", WATER, "DISPATCHED", 1, 24, "C", "《城市供水条例》"),
        leaf("C0112", "供热管线", HEAT, "DISPATCHED", 1, 24, "C"),
    ),
    node("C02", "道路交通",
        leaf("C0201", "人行道板破损", WORKS, "DISPATCHED", 2, 72, "W", L_ROAD, "signpost-split"),
        leaf("C0202", "车行道破损", WORKS, "DISPATCHED", 2, 72, "W", L_ROAD),
        leaf("C0203", "道路护栏", MUNI, "DISPATCHED", 2, 72, "W"),
        leaf("C0204", "交通标志牌", POLICE, "DISPATCHED", 2, 72, "W"),
        leaf("C0205", "路名牌", MUNI, "DISPATCHED", 2, 72, "W"),
        leaf("C0206", "公交站亭", MUNI, "DISPATCHED", 2, 72, "W"),
        leaf("C0207", "盲道", WORKS, "DISPATCHED", 2, 72, "W"),
        leaf("C0208", "停车泊位设施", CITY, "DISPATCHED", 2, 72, "W"),
        leaf("C0209", "桥梁", WORKS, "DISPATCHED", 1, 48, "W"),
    ),
    node("C03", "市容环境",
        leaf("C0301", "公共厕所", ENV, "DISPATCHED", 2, 24, "C", None, "badge-wc"),
        leaf("C0302", "垃圾桶果皮箱", ENV, "DISPATCHED", 2, 24, "C"),
        leaf("C0303", "垃圾分类投放点", ENV, "DISPATCHED", 2, 24, "C", L_WASTE),
        leaf("C0304", "垃圾中转站", ENV, "DISPATCHED", 2, 48, "W"),
        leaf("C0305", "公共座椅", MUNI, "DISPATCHED", 2, 72, "W"),
        leaf("C0306", "宣传栏", CITY, "DISPATCHED", 2, 72, "W"),
    ),
    node("C04", "园林绿化",
        leaf("C0401", "行道树", GREEN, "DISPATCHED", 2, 72, "W"),
        leaf("C0402", "绿地", GREEN, "DISPATCHED", 2, 72, "W"),
        leaf("C0403", "花坛花箱", GREEN, "DISPATCHED", 2, 72, "W"),
        leaf("C0404", "护树设施", GREEN, "DISPATCHED", 2, 72, "W"),
    ),
    node("C05", "房屋土地",
        leaf("C0501", "建筑外立面破损", HOUSING, "DISPATCHED", 2, 120, "W"),
        leaf("C0502", "空调外机雨棚", ENF, "SELF", 2, 72, "W"),
        leaf("C0503", "老旧小区公共设施", HOUSING, "DISPATCHED", 2, 120, "W"),
    ),
    node("C06", "其他设施",
        leaf("C0601", "健身器材", CITY, "DISPATCHED", 2, 72, "W"),
        leaf("C0602", "视频监控设施", CITY, "DISPATCHED", 2, 72, "W"),
        leaf("C0603", "电动车充电设施", CITY, "DISPATCHED", 2, 72, "W"),
    ),
)


def q(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def emit(tree, kind, parent_code, level, sort, out, counter):
    if tree[0] == "node":
        _, code, name, children = tree
        cols = "(parent_id, code, name, kind, depth, sort_order, leaf)"
        if parent_code is None:
            out.append(f"INSERT INTO category {cols} VALUES (NULL, {q(code)}, {q(name)}, {q(kind)}, {level}, {sort}, FALSE);")
        else:
            out.append(f"INSERT INTO category {cols} SELECT id, {q(code)}, {q(name)}, {q(kind)}, {level}, {sort}, FALSE FROM category WHERE code = {q(parent_code)};")
        for i, child in enumerate(children, 1):
            emit(child, kind, code, level + 1, i, out, counter)
    else:
        _, code, name, dept, mode, accept, handle, basis, law, icon = tree
        counter[0] += 1
        minutes_accept = int(accept * 60)
        minutes_handle = int(handle * 60)
        basis_name = "WORKING" if basis == "W" else "CALENDAR"
        out.append(
            "INSERT INTO category (parent_id, code, name, kind, depth, sort_order, leaf, responsible_department, "
            "handling_mode, accept_minutes, handle_minutes, limit_basis, legal_basis, icon) "
            f"SELECT id, {q(code)}, {q(name)}, {q(kind)}, {level}, {sort}, TRUE, {q(dept)}, {q(mode)}, "
            f"{minutes_accept}, {minutes_handle}, {q(basis_name)}, {q(law)}, {q(icon)} FROM category WHERE code = {q(parent_code)};")


def main():
    out = ["-- Problem taxonomy (CAT-1), modelled on GB/T 30428.2: 部件 (COMPONENT) and 事件 (EVENT), up to 4 levels",
           "-- below the two roots. Written by tools/generate_catalog_migration.py; reference data for every deployment.",
           "",
           """CREATE TABLE category (
    id                     BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    parent_id              BIGINT REFERENCES category (id),
    code                   VARCHAR(16)  NOT NULL,
    name                   VARCHAR(64)  NOT NULL,
    kind                   VARCHAR(16)  NOT NULL,
    depth                  INT          NOT NULL,
    sort_order             INT          NOT NULL DEFAULT 0,
    leaf                   BOOLEAN      NOT NULL,
    responsible_department VARCHAR(64),
    handling_mode          VARCHAR(16),
    accept_minutes         INT,
    handle_minutes         INT,
    limit_basis            VARCHAR(16),
    legal_basis            VARCHAR(500),
    icon                   VARCHAR(32),
    active                 BOOLEAN      NOT NULL DEFAULT TRUE,
    version                BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT category_code_uk UNIQUE (code)
);
CREATE INDEX category_parent_idx ON category (parent_id);
""", ""]
    counter = [0]
    emit(EVENT, "EVENT", None, 0, 1, out, counter)
    emit(COMPONENT, "COMPONENT", None, 0, 2, out, counter)
    out.append("")
    sys.stdout.write("\n".join(out))
    sys.stderr.write(f"{counter[0]} leaves\n")


main()
