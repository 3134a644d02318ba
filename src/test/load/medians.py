#!/usr/bin/env python3
"""The medians of targets.sh's repeated before/after rows (REPEATS=N), per target, scenario and bot count.

Usage: python3 src/test/load/medians.py target/load/before-after.md
Reads the table's rows labelled before<N>-<target>-<scenario> and after<N>-...; prints, for each target, scenario
and number of bots, the median over the repetitions of the server CPU per client per tick, the bytes per bot, the
input-to-visible p99, the server tick p99 and the share of ticks over 10 ms (where the row says it), before and
after, with after/before, and how many rows were healthy.
"""
import re, statistics, sys, collections

rows = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1], encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 17:
        continue
    m = re.fullmatch(r"(before|after)\d*-(.+)", cells[1])
    if not m:
        continue
    num = lambda c: float(re.match(r"[^0-9]*([0-9.]+)", c).group(1))  # the cell's first number
    over = re.search(r"([0-9.]+) % > 10 ms", cells[12])
    key = (cells[0], m.group(2), int(cells[2]))
    rows[key][m.group(1)].append({"cpu": num(cells[9]), "bytes": num(cells[11]), "visible": num(cells[7]),
                                  "tick": num(cells[12]),
                                  "over10": float(over.group(1)) if over else float("nan"),
                                  "healthy": cells[16] == "yes"})

print("| target | scenario | bots | runs | µs server CPU per client per tick: before → after (median) | after/before "
      "| KiB/s per bot | input→visible p99 | tick p99 | ticks over 10 ms | healthy runs |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for (target, scenario, bots), sides in sorted(rows.items()):
    b, a = sides.get("before", []), sides.get("after", [])
    if not b or not a:
        continue
    med = lambda side, k: statistics.median(r[k] for r in side)
    cpu = " ".join("%.1f" % r["cpu"] for r in b) + " → " + " ".join("%.1f" % r["cpu"] for r in a)
    print("| %s | %s | %d | %d + %d | %.1f → %.1f (runs: %s) | %.2f | %.1f → %.1f | %.0f → %.0f ms | %.2f → %.2f ms "
          "| %.1f → %.1f %% | %d/%d, %d/%d |" % (target, scenario, bots, len(b), len(a), med(b, "cpu"),
                               med(a, "cpu"), cpu, med(a, "cpu") / med(b, "cpu"), med(b, "bytes"), med(a, "bytes"), med(b, "visible"),
                               med(a, "visible"), med(b, "tick"), med(a, "tick"),
                               med(b, "over10"), med(a, "over10"), sum(r["healthy"] for r in b), len(b),
                               sum(r["healthy"] for r in a), len(a)))
