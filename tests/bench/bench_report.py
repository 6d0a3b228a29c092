#!/usr/bin/python3
"""The benchmark suite's one table, from the JSON files the benchmarks leave in the build directory.

    bench_report.py --start BUILD_DIR     before the suite: the machine, the date, the commit and
                                          the load average at the start (bench_start.json)
    bench_report.py BUILD_DIR             after it: prints the table (benchmark, Kafdesk median,
                                          peer median, ratio, goal, met) and writes it as Markdown
                                          to BUILD_DIR/bench-table.md

A benchmark whose JSON is missing (it failed or did not run) gets a row saying so. The exit code is
0 when the table could be made, whatever the goals say: the table is the result."""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def commit():
    def git(*args):
        r = subprocess.run(["git", "-C", HERE, *args], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else ""
    sha = git("rev-parse", "--short=12", "HEAD") or "unknown"
    # git diff only reads (git status may rewrite the index).
    dirty = subprocess.run(["git", "-C", HERE, "diff", "--quiet", "HEAD", "--"], capture_output=True).returncode == 1
    return sha + (" plus uncommitted changes" if dirty else "")


def record_start(build_dir):
    info = {
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit(),
        "cpu_model": cpu_model(),
        "cores": os.cpu_count(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "memory_mb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20),
    }
    with open(os.path.join(build_dir, "bench_start.json"), "w") as f:
        json.dump(info, f, indent=2)
    return info


def load(build_dir, name):
    try:
        with open(os.path.join(build_dir, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt(value, unit="", digits=2):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}{unit}"


def rows(build_dir):
    """(benchmark, Kafdesk median, peer (median), ratio, goal, met) for each measurement."""
    out = []

    def missing(name, what):
        out.append((what, "did not run", "–", "–", "–", "no result"))

    met = lambda ok: "yes" if ok else "NO"  # noqa: E731

    c = load(build_dir, "bench_consume.json")
    if c:
        out.append((f"Consume {c['messages']:,} msgs of {c['value_bytes']} B into the model (msg/s)",
                    fmt(c["kafdesk_median_msgs_per_s"], digits=0), f"kcat -C: {fmt(c['kcat_median_msgs_per_s'], digits=0)}",
                    f"{c['ratio']:.2f}×", f">= {c['goal_ratio']}×", met(c["ratio"] >= c["goal_ratio"])))
        stall_ok = c["median_stall_ms"] <= c["goal_stall_ms"] and c["longest_stall_less_cpu_wait_ms"] <= c["goal_stall_ms"]
        out.append(("GUI stall while consuming (ms; median round, longest less CPU wait)",
                    f"{c['median_stall_ms']:.1f}; {c['longest_stall_less_cpu_wait_ms']:.1f}", "–", "–",
                    f"<= {c['goal_stall_ms']:.0f} ms", met(stall_ok)))
        out.append(("Memory per buffered 100-byte message (bytes)", fmt(c["memory_bytes_per_message"], digits=0),
                    f"payload: {c['value_bytes']}", f"{c['memory_bytes_per_message'] / c['value_bytes']:.2f}×", "–", "–"))
    else:
        missing("bench_consume.json", "Consume into the model / GUI stall / memory per message")

    k = load(build_dir, "bench_core.json")
    if k:
        d, lag = k["describe"], k["lag"]
        t = k["cluster"]
        out.append((f"Full snapshot, {t['topics']:,} topics × {t['partitions_per_topic']} partitions (s)",
                    fmt(d["kafdesk_median_s"], digits=3), f"kcat -L: {fmt(d['kcat_L_median_s'], digits=3)}",
                    f"{d['ratio_vs_kcat_L']:.2f}×", f"<= {d['goal_ratio_max']}×", met(d["goal_met"])))
        out.append((f"Lag of {t['groups']} groups (s)", fmt(lag["kafdesk_median_s"], digits=3),
                    f"ConsumerGroupCommand --all-groups: {fmt(lag['consumer_group_command_median_s'], digits=3)}",
                    f"{lag['ratio_vs_consumer_group_command']:.2f}×", f"<= {lag['goal_ratio_max']}×", met(lag["goal_met"])))
        if k.get("mismatches"):
            out.append(("  (bench_core: the tools disagreed)", "; ".join(k["mismatches"])[:120], "–", "–", "–", "NO"))
    else:
        missing("bench_core.json", "Full snapshot / lag of every group")

    f = load(build_dir, "bench_topicfilter.json")
    if f:
        out.append((f"Topic filter, {f['topics']:,} topics (ms per keystroke; median, row-changing median)",
                    f"{f['median_ms']:.2f}; {f['changing_median_ms']:.2f}", "–", "–", f"<= {f['goal_ms']:.0f} ms",
                    met(f["goal_met"])))
    else:
        missing("bench_topicfilter.json", "Topic filter")

    s = load(build_dir, "bench_startup.json")
    if s:
        st, rss = s["start"], s["idle_rss"]
        out.append(("App start to first painted window (s)", fmt(st["kafdesk_median_s"], digits=3),
                    f"minimal Qt window: {fmt(st['peer_median_s'], digits=3)}", f"{st['ratio']:.2f}×",
                    f"<= {st['goal_s_max']} s", met(st["goal_met"])))
        out.append((f"Idle RSS after {s['idle_s']} s, connected (MB)", fmt(rss["kafdesk_median_mb"], digits=1),
                    f"minimal Qt window: {fmt(rss['peer_median_mb'], digits=1)}", f"{rss['ratio']:.2f}×",
                    f"<= {rss['goal_mb_max']:.0f} MB", met(rss["goal_met"])))
    else:
        missing("bench_startup.json", "App start / idle RSS")

    l = load(build_dir, "bench_leader.json")
    if l:
        out.append((f"Kill to new leader on screen (ms, {l['kills']} kills)", fmt(l["on_screen_median_ms"], digits=0),
                    f"metadata polled every 100 ms: {fmt(l['metadata_poll_median_ms'], digits=0)}",
                    f"{l['ratio']:.2f}×", f"<= {l['goal_ms']:.0f} ms", met(l["goal_met"])))
    else:
        missing("bench_leader.json", "Kill to new leader on screen")

    b = load(build_dir, "bench_cluster.json")
    if b:
        out.append(("Local cluster cold start, 3 nodes (s)", fmt(b["kafdesk_cold_start_s"], digits=1),
                    f"Kafka's StorageTool + kafka.Kafka: {fmt(b['peer_kafka_scripts_cold_start_s'], digits=1)}",
                    f"{b['cold_start_ratio_vs_peer']:.2f}×", "–", "–"))
        out.append(("Local cluster warm start (s)", fmt(b["kafdesk_warm_start_s"], digits=1), "–", "–", "–", "–"))
        out.append(("SIGKILL of a node to 2 brokers in metadata (s)", fmt(b["sigkill_to_2_brokers_s"], digits=1),
                    "–", "–", "–", "–"))
    else:
        missing("bench_cluster.json", "Local cluster start")
    return out


def header_lines(start, build_dir):
    load_end = [round(x, 2) for x in os.getloadavg()]
    cpu = f"{start.get('cpu_model', cpu_model())}, {start.get('cores', os.cpu_count())} cores"
    return [
        f"Date: {start.get('date_utc', '?')}; commit {start.get('commit', commit())}",
        f"Machine: {cpu}, {start.get('memory_mb', '?')} MB RAM; load average at the start "
        f"{' '.join(str(x) for x in start.get('load_average_start', []))}, at the end {' '.join(str(x) for x in load_end)}",
        f"Medians; ratio = Kafdesk / peer. Results in {os.path.abspath(build_dir)}",
    ]


COLUMNS = ("Benchmark", "Kafdesk (median)", "Peer (median)", "Ratio", "Goal", "Met")


def text_table(table):
    widths = [max(len(str(r[i])) for r in [COLUMNS] + table) for i in range(len(COLUMNS))]
    line = lambda r: "  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(COLUMNS), line(["-" * w for w in widths])] + [line(r) for r in table])


def markdown_table(table):
    esc = lambda v: str(v).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join(["---", "---:", "---", "---:", "---", "---"]) + "|"]
    lines += ["| " + " | ".join(esc(v) for v in r) + " |" for r in table]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("--start", action="store_true", help="record the machine and the start, then exit")
    args = parser.parse_args()
    if args.start:
        print(json.dumps(record_start(args.build_dir), indent=2))
        return 0
    start = load(args.build_dir, "bench_start.json") or {}
    table = rows(args.build_dir)
    head = header_lines(start, args.build_dir)
    print("\n".join(head) + "\n\n" + text_table(table))
    md = "\n".join(f"{h}  " for h in head) + "\n\n" + markdown_table(table) + "\n"
    path = os.path.join(args.build_dir, "bench-table.md")
    with open(path, "w") as f:
        f.write(md)
    print(f"\nMarkdown: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
