#!/usr/bin/env python3
"""Generates benchmark clues deterministically from a seed: JSON Lines with id, channel, received_at and text.

The texts are assembled from fragments (openings, places from Lexicons/places/fuyang.tsv, actors, behaviours,
vehicles, sums, dates, closings) in the genres clues arrive in, most of them ordinary transport messages and a
minority enforcement complaints, so that every stage has realistic work. They are for measuring speed only: the
labelled corpus under Corpus/ is written by hand. Usage: generate.py --records N [--seed S] > FILE
"""
import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

def places():
    names = []
    for line in (ROOT / "Lexicons/places/fuyang.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, kind, _ = (line.split("\t") + ["", ""])[:3]
        if kind in ("town", "township", "county", "district", "road", "toll_station", "landmark"):
            names.append(name)
    return names

OPENINGS = ["来电人反映：", "市民：", "网友发帖称：", "尊敬的领导：您好！", "经暗访发现，", "据群众来信反映，", "话务员：您好，请讲。\n市民：",
            "12328转办：", "我想反映个事，", "家人们谁懂啊😡", "邮件标题：投诉\n", ""]
ACTORS = ["路政", "运管", "治超站的执法人员", "交通执法大队", "执法人员", "协管员", "稽查队", "交警", "出租车公司", "公交公司", "物业", "客服"]
VEHICLES = ["货车", "半挂车", "面包车", "网约车", "电动三轮", "客车", "渣土车", "冷链车", "私家车", "出租车", "公交车"]
BEHAVIOURS = [
    "说这个月的任务还没完成，让我配合一下", "罚款{money}不开票", "把车扣了{days}天也不给手续", "态度很差还骂人", "要了两条烟才放行",
    "同样超载别人罚五百我罚{money}", "专门查外地车", "假装乘客上车然后就扣车", "一天在同一个地方罚了我三次", "根本不听解释直接开单",
    "罚完钱也不让卸货就让走了", "突然在路中间拦车", "说私家车带人一律按黑车处理", "收了钱就放行", "跑了四趟证还没办下来",
    "新装的探头也没有公示一个月拍了好几次", "以前整改过现在又开始了", "每辆车每年要交{money}的培训费",
]
ORDINARY = [
    "{place}到阜阳的班车太少了，能不能加几班", "{place}那段路坑坑洼洼的，下雨全是积水", "出租车司机绕路还不打表",
    "小区门口停车太乱，物业也不管", "请问道路运输证年审需要带哪些材料", "公交车司机态度很好，给他点赞👍",
    "网约车平台抽成太高了", "{place}红绿灯时间太短，早高峰老堵车", "驾校退费一直退不下来", "高速服务区的饭太贵了",
]
CLOSINGS = ["希望有关部门核实处理。", "请尽快给个说法！", "谢谢。", "诉求：严肃处理相关人员。", "已经打过好几次电话了没人管。", "", "😡😡😡"]

def text(rng, place_names):
    place = rng.choice(place_names)
    parts = [rng.choice(OPENINGS)]
    if rng.random() < 0.3:
        behaviour = rng.choice(BEHAVIOURS).format(money=f"{rng.choice([200, 500, 1000, 2000, 3000, 15000])}元", days=rng.randint(2, 30))
        parts.append(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日我开{rng.choice(VEHICLES)}（皖K{rng.randint(10000, 99999)}）在{place}被{rng.choice(ACTORS)}拦下，{behaviour}。")
    else:
        parts.append(rng.choice(ORDINARY).format(place=place) + "。")
    for _ in range(rng.randint(0, 3)):
        parts.append(rng.choice(ORDINARY).format(place=rng.choice(place_names)) + "，")
    parts.append(rng.choice(CLOSINGS))
    if rng.random() < 0.2:
        parts.append(f"联系电话1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}。")
    return "".join(parts)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20231001)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    place_names = places()
    channels = ["hotline12345", "hotline12328", "online", "petition", "media", "email"]
    out = []
    for number in range(args.records):
        record = {"id": f"G{number:07d}", "channel": rng.choice(channels),
                  "received_at": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+08:00",
                  "text": text(rng, place_names)}
        out.append(json.dumps(record, ensure_ascii=False))
        if len(out) >= 10000:
            print("\n".join(out)); out = []
    if out:
        print("\n".join(out))

if __name__ == "__main__":
    main()
