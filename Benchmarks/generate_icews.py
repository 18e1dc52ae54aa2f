#!/usr/bin/env python3
"""Writes a synthetic ICEWS events file (tab-separated, the published header) for the import benchmark.

    python3 Benchmarks/generate_icews.py --rows 1000000 --out Benchmarks/data/icews-1m.tsv

Deterministic for a given --seed. About --meeting-share of the rows carry a meeting code (040, 042, 043, 044, 046),
the rest other CAMEO codes (counted and skipped by the importer). Stories hold a few events each, so many rows of a
story fall on one meeting (n-ary meetings); actors come from a pool of --actors names.
"""
import argparse
import random

HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
          "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
          "Province", "Country", "Latitude", "Longitude"]
MEETINGS = [("040", "Consult"), ("042", "Make a visit"), ("043", "Host a visit"), ("044", "Meet at a third location"),
            ("046", "Engage in negotiation")]
OTHERS = [("010", "Make statement"), ("020", "Make an appeal or request"), ("051", "Praise or endorse"),
          ("111", "Criticize or denounce"), ("190", "Use conventional military force")]
SYLLABLES = ["an", "bo", "chan", "da", "el", "fu", "ga", "hun", "in", "jo", "ka", "lam", "mo", "na", "ou", "pha", "quy",
             "ra", "sen", "to", "um", "vi", "wa", "xi", "ya", "zo"]


def name(rng):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize() for _ in range(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--cities", type=int, default=500)
    parser.add_argument("--events-per-story", type=int, default=4)
    parser.add_argument("--meeting-share", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    actors, seen = [], set()
    while len(actors) < args.actors:
        candidate = name(rng)
        if candidate.lower() not in seen:
            seen.add(candidate.lower())
            actors.append(candidate)
    cities = [(f"City {index}", f"Country {index % 60}") for index in range(args.cities)]
    publishers = ["Xinhua", "Agence France-Presse", "Vietnam News Agency", "Kyodo", "Bernama"]
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\t".join(HEADER) + "\n")
        story, sentence, day, city, cast = 0, 0, None, None, []
        for row in range(args.rows):
            if sentence == 0:
                story += 1
                day = f"{2018 + rng.randrange(8)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
                city = rng.choice(cities)
                cast = rng.sample(actors, 3)
                publisher = rng.choice(publishers)
            sentence += 1
            code, text = rng.choice(MEETINGS) if rng.random() < args.meeting_share else rng.choice(OTHERS)
            source, target = rng.sample(cast, 2)
            out.write("\t".join([str(30_000_000 + row), day, source, "Executive,Government", city[1], text, code, "1",
                                 target, "Executive,Government", city[1], str(story), str(sentence), publisher, city[0], "",
                                 city[0], city[1], "0", "0"]) + "\n")
            if sentence >= args.events_per_story:
                sentence = 0


if __name__ == "__main__":
    main()
