#!/usr/bin/env python3
"""Where a server's CPU went, from a Flight Recorder file, without JMC.

Usage: python3 src/test/load/jfr-hot.py FILE.jfr [--top N] [--match REGEX ...]

Reads `jfr print --json --stack-depth 400 --events jdk.ExecutionSample` (the default prints 5 frames) and prints: samples per thread group (thread names with
digits folded), the hottest methods by self samples (top frame) and by total samples (anywhere on the stack),
the share of samples by code owner (Arena, Tyrus, Grizzly, Payara/GlassFish, Undertow/JBoss, Tomcat, JDK zip...),
and for each --match regex the share of samples with a matching frame and its hottest callers.
"""
import json, re, subprocess, sys, collections, argparse

p = argparse.ArgumentParser()
p.add_argument("file")
p.add_argument("--top", type=int, default=25)
p.add_argument("--match", action="append", default=[])
p.add_argument("--event", default="jdk.ExecutionSample",
               help="jdk.NativeMethodSample: threads in native code (zlib, socket writes), which ExecutionSample misses")
a = p.parse_args()

out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "400", "--events", a.event, a.file],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]

OWNERS = [
    ("Arena", r"^dev\.arena\."),
    ("Tyrus", r"^org\.glassfish\.tyrus\."),
    ("Grizzly", r"^org\.glassfish\.grizzly\."),
    ("Payara/GlassFish (concurrency, naming, weld glue, monitoring)", r"^(fish\.payara|com\.sun\.enterprise|org\.glassfish\.(?!tyrus|grizzly)|org\.jvnet\.hk2|com\.sun\.ejb)"),
    ("Weld (CDI)", r"^org\.jboss\.weld\."),
    ("Undertow/XNIO/JBoss", r"^(io\.undertow|org\.xnio|org\.jboss|org\.wildfly)"),
    ("Tomcat", r"^org\.apache\.(tomcat|catalina|coyote)"),
    ("JSON (Yasson, Parsson)", r"^(org\.eclipse\.yasson|org\.eclipse\.parsson|org\.glassfish\.json)"),
    ("Micrometer", r"^io\.micrometer"),
    ("java.util.zip (deflate)", r"^java\.util\.zip\."),
    ("JDK", r"^(java|javax|jdk|sun|com\.sun)\."),
]

def name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

def owner(frames):
    """The first frame (from the top) that is not JDK, else JDK: who asked for the work."""
    for f in frames:
        n = name(f)
        for label, rx in OWNERS[:-1]:
            if re.match(rx, n):
                return label
    return "JDK (only JDK frames)"

threads = collections.Counter()
selfc = collections.Counter()
total = collections.Counter()
owners = collections.Counter()
matches = {rx: [0, collections.Counter()] for rx in a.match}
n = 0
for e in events:
    v = e["values"]
    st = v.get("stackTrace") or {}
    frames = st.get("frames") or []
    if not frames:
        continue
    n += 1
    t = (v.get("sampledThread") or {}).get("javaName") or (v.get("sampledThread") or {}).get("osName") or "?"
    threads[re.sub(r"\d+", "N", t)] += 1
    selfc[name(frames[0])] += 1
    seen = set()
    for f in frames:
        seen.add(name(f))
    for s in seen:
        total[s] += 1
    owners[owner(frames)] += 1
    for rx in a.match:
        hit = [i for i, f in enumerate(frames) if re.search(rx, name(f))]
        if hit:
            matches[rx][0] += 1
            i = hit[-1]  # outermost matching frame; its caller
            caller = name(frames[i + 1]) if i + 1 < len(frames) else "(root)"
            matches[rx][1][caller] += 1

def pct(c):
    return f"{100.0 * c / n:5.1f} %"

truncated = sum(1 for e in events if ((e["values"].get("stackTrace") or {}).get("truncated")))
print(f"{a.file}: {n} {a.event} samples, {truncated} with truncated stacks (raise -XX:FlightRecorderOptions=stackdepth)")
print("\n## samples by thread (digits folded)")
for k, c in threads.most_common(a.top):
    print(f"{pct(c)}  {c:6d}  {k}")
print("\n## by owner (first non-JDK frame from the top)")
for k, c in owners.most_common():
    print(f"{pct(c)}  {c:6d}  {k}")
print(f"\n## top {a.top} methods, self")
for k, c in selfc.most_common(a.top):
    print(f"{pct(c)}  {c:6d}  {k}")
print(f"\n## top {a.top} methods, total (on the stack)")
for k, c in total.most_common(a.top):
    print(f"{pct(c)}  {c:6d}  {k}")
for rx, (c, callers) in matches.items():
    print(f"\n## frames matching /{rx}/: {pct(c)} of samples ({c}); called from")
    for k, cc in callers.most_common(8):
        print(f"   {100.0 * cc / max(1, c):5.1f} %  {k}")
