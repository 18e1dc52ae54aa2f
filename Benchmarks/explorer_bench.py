#!/usr/bin/env python3
"""Time the explorer page in a real browser: headless Chromium through Selenium (make bench-explorer).

For the bundled dataset and a generated 2,000-meeting dataset (generate_dataset.py --persons 1000 --meetings 2000
--participations 10000), writes the page with `partygraph explore`, then loads it RUNS times and reads, in the
browser: first contentful paint (the Paint Timing API), the time the page's script is done (performance.now() at its
end: data parsed, lists built, diagram wired), applying a date range (setWindow, including the forced layout), and
selecting the busiest actor (its panel and who-met table). Medians over the runs go to
Benchmarks/explorer-results.json; a Markdown table is printed.

    python3 Benchmarks/explorer_bench.py --bin .build/release/partygraph
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1100"):
        options.add_argument(argument)
    for binary in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(binary):
            options.binary_location = shutil.which(binary)
            break
    chromedriver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(120)
    return driver


def measure(driver, page, runs, window):
    samples = {"first_contentful_paint_ms": [], "script_done_ms": [], "apply_date_range_ms": [], "clear_date_range_ms": [],
               "select_busiest_actor_ms": []}
    for _ in range(runs):
        driver.get("about:blank")
        driver.get(page.as_uri())
        WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.documentElement.dataset.pgReady === 'true'"))
        fcp = None
        for _ in range(30):  # the paint entry can be recorded a frame after the script is done
            fcp = driver.execute_script("return (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
            if fcp is not None:
                break
            time.sleep(0.1)
        samples["first_contentful_paint_ms"].append(fcp)
        samples["script_done_ms"].append(driver.execute_script("return pgExplorer.readyAt"))
        samples["apply_date_range_ms"].append(driver.execute_script("return pgExplorer.setWindow(arguments[0], arguments[1])", *window))
        samples["clear_date_range_ms"].append(driver.execute_script("return pgExplorer.setWindow('', '')"))
        busiest = driver.execute_script("""
            var best = null, most = -1;
            pgExplorer.nodes().forEach(function (n) { var rows = pgExplorer.whoMet(n.id); if (rows && rows.length > most) { most = rows.length; best = n.id; } });
            return [best, most];""")
        samples["select_busiest_actor_ms"].append(driver.execute_script("return pgExplorer.select(arguments[0])", busiest[0]))
    result = {key: round(statistics.median(values), 1) for key, values in samples.items() if None not in values}
    result["busiest_actor_rows"] = busiest[1]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / ".build" / "release" / "partygraph"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", default=str(ROOT / "Benchmarks" / "data"))
    parser.add_argument("--out", default=str(ROOT / "Benchmarks" / "explorer-results.json"))
    args = parser.parse_args()
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    generated = data / "explorer-2000.json"
    if not generated.exists():
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_dataset.py"), "--persons", "1000", "--meetings", "2000",
                        "--participations", "10000", "--out", str(generated)], check=True)
    cases = [("bundled", ROOT / "datasets" / "indochina-summits-2026.json", ("2027", "")),
             ("generated-2000-meetings", generated, ("2010", "2012"))]
    results = {"browser": None, "runs": args.runs, "cases": {}}
    driver = browser()
    try:
        results["browser"] = driver.capabilities.get("browserVersion")
        for name, dataset, window in cases:
            page = data / f"explorer-{name}.html"
            start = time.perf_counter()
            subprocess.run([args.bin, "explore", "--dataset", str(dataset), "--out", str(page)], check=True, capture_output=True)
            write_seconds = time.perf_counter() - start
            case = {"explore_command_s": round(write_seconds, 2), "page_mb": round(page.stat().st_size / 1e6, 2),
                    "date_range": "–".join(window)}
            case.update(measure(driver, page, args.runs, window))
            results["cases"][name] = case
    finally:
        driver.quit()
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    keys = ["page_mb", "explore_command_s", "first_contentful_paint_ms", "script_done_ms", "apply_date_range_ms",
            "clear_date_range_ms", "select_busiest_actor_ms", "busiest_actor_rows"]
    print(f"Chromium {results['browser']}, median of {args.runs} loads")
    print("| dataset | " + " | ".join(keys) + " |")
    print("|" + "---|" * (len(keys) + 1))
    for name, case in results["cases"].items():
        print(f"| {name} | " + " | ".join(str(case.get(k, "")) for k in keys) + " |")


if __name__ == "__main__":
    main()
