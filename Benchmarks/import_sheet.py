#!/usr/bin/env python3
"""Times `partygraph import --from sheet` on a generated participation sheet (default 1,000,000 rows).

    python3 Benchmarks/import_sheet.py --bin .build/release/partygraph            # 1M rows
    python3 Benchmarks/import_sheet.py --bin .build/release/partygraph --rows 100000

The sheet has the documented columns (datasets/README.md, "Participation sheets"): ROWS / 5 meetings of five
participants each, drawn from ROWS / 20 persons, each row citing one of 1,000 sources (described on their first row)
with a short quote; a quarter of the rows name a capacity and a party. Deterministic (seeded). The sheet is written
to Benchmarks/data/ (ignored by git) and kept; the import writes to a temporary folder. Prints the wall time of the
best of --repeat runs and the peak memory (from /usr/bin/time when present). The target (issue 11) is < 10 s.
"""
import argparse, csv, os, random, subprocess, sys, tempfile, time

def generate(path, rows, seed=7):
    rng = random.Random(seed)
    persons = max(10, rows // 20)
    meetings = max(1, rows // 5)
    sources = 1000
    described = set()
    columns = ["meeting_start", "meeting_end", "meeting", "meeting_kind", "status", "place", "country", "participant",
               "participant_kind", "role", "capacity", "party", "source", "source_url", "publisher", "source_title",
               "source_date", "quote"]
    kinds = ["meeting", "talks", "bilateral-summit", "official-visit"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        row = 0
        for m in range(meetings):
            year = 2000 + m % 26
            start = f"{year}-{1 + m % 12:02d}-{1 + m % 28:02d}"
            source = rng.randrange(sources)
            kind = kinds[m % len(kinds)]
            chosen = rng.sample(range(persons), 5)
            for position, p in enumerate(chosen):
                if row >= rows:
                    return
                cells = {
                    "meeting_start": start, "meeting": f"Meeting {m}", "meeting_kind": kind, "status": "held",
                    "country": f"Country {m % 50}", "participant": f"Person {p}",
                    "role": "host" if position == 0 else "guest", "source": f"src-{source}",
                    "quote": f"Person {p} took part in meeting {m}",
                }
                if p % 4 == 0:
                    cells["capacity"] = f"Office {p % 500}"
                    cells["party"] = f"Party {p % 40}"
                if source not in described:
                    described.add(source)
                    cells.update(publisher=f"Publisher {source % 30}", source_title=f"Report {source}",
                                 source_date=f"{year}-12-31")
                writer.writerow([cells.get(c, "") for c in columns])
                row += 1

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the partygraph binary (a release build)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "data"), exist_ok=True)
    sheet = os.path.join(here, "data", f"sheet-{args.rows}.csv")
    if not os.path.exists(sheet):
        began = time.perf_counter()
        generate(sheet, args.rows)
        print(f"generated {sheet} ({os.path.getsize(sheet) / 1e6:.0f} MB) in {time.perf_counter() - began:.1f} s")
    best = None
    with tempfile.TemporaryDirectory(prefix="partygraph-import-bench-") as folder:
        out = os.path.join(folder, "imported.json")
        timer = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
        for _ in range(args.repeat):
            began = time.perf_counter()
            run = subprocess.run(timer + [args.bin, "import", "--from", "sheet", sheet, "--out", out], capture_output=True, text=True)
            elapsed = time.perf_counter() - began
            if run.returncode != 0:
                sys.exit(f"import failed ({run.returncode}): {run.stderr[-2000:]}")
            best = elapsed if best is None else min(best, elapsed)
            peak = run.stderr.strip().splitlines()[-1] if timer else "?"
            print(run.stdout.strip())
            print(f"import --from sheet, {args.rows} rows: {elapsed:.2f} s wall, peak {int(peak) / 1024:.0f} MB" if peak.isdigit() else f"{elapsed:.2f} s")
    print(f"best of {args.repeat}: {best:.2f} s (target < 10 s: {'met' if best < 10 else 'missed'})")

if __name__ == "__main__":
    main()
