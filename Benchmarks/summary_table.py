#!/usr/bin/env python3
"""Print the compact benchmark table that README.md shows, from Benchmarks/results.json.

Usage: python3 Benchmarks/summary_table.py [results.json]
"""
import json
import sys
from pathlib import Path


def duration(seconds):
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def verdict(target, key):
    part = target.get(key)
    if not part or part.get("ratio") is None:
        return "—"
    return f"{part['ratio']:.2f}× {'met' if part['met'] else '**missed**'}"


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("results.json")
    results = json.loads(path.read_text())
    print("| task | graph | ours 1 thread | ours 2 threads | fastest peer (1 thread) | ours ÷ target peer, 1t | ours ÷ target peer, 2t | target | ours agree |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for case in results["cases"]:
        configs = case["configs"]
        best = case.get("best_peer_1t") or {}
        target = case.get("target", {})
        against = target.get("against", "")
        goal = f"≤ {target.get('factor_1t')}× / {target.get('factor_2t')}× {against}"
        if "1t_peak_rss_kb" in target and case["task"] == "load" and case["graph"] == "er_1m":
            goal += f", peak {target['1t_peak_rss_kb'] / 1024:.1f} MiB (< 100)"
        agree = all(entry.get("ok") for entry in case.get("agreement", {}).values())
        print(
            f"| {case['task']} | {case['graph']} | {duration(configs.get('ours-1t', {}).get('median_s'))} "
            f"| {duration(configs.get('ours-2t', {}).get('median_s'))} "
            f"| {best.get('config', '—')} {duration(best.get('median_s'))} "
            f"| {verdict(target, '1t')} | {verdict(target, '2t')} | {goal} | {'yes' if agree else 'NO'} |"
        )


if __name__ == "__main__":
    main()
