#!/usr/bin/python3
"""App start to first window, and idle RSS, of the real `kafdesk` binary.

Each launch runs `kafdesk --local --cluster-name NAME` on the offscreen Qt platform with a fresh,
empty XDG_CONFIG_HOME (a first start: no saved window geometry, no profiles), attaching to the
benchmark cluster that already runs (the suite's shared one, or one this script starts and takes
down). That is a user's usual start: the app opens, shows its window and connects to a running
cluster; the broker start itself is bench_cluster's business, not the app's.

Measured from outside: the clock starts just before the exec (Python's time.monotonic_ns(), the
same CLOCK_MONOTONIC as the app's), and stops at the monotonic time the app prints when its main
window's first frame is painted (KAFDESK_BENCH_STARTUP=<idle s>, gui/app/main.cpp). After the idle
seconds (connected, snapshots refreshing) the app prints its VmRSS and quits.
Goals: start <= 0.5 s, idle RSS <= 80 MB (medians). The peer, run alternately with the app, is
bench_qtpeer: the least a Qt Widgets window costs on this machine, for context.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

GOAL_START_S = 0.5
GOAL_RSS_MB = 80.0


def log(message):
    print(f"[bench_startup {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def cluster_running(ctl, name, env):
    r = subprocess.run([ctl, "cluster", "status", "--name", name, "--json"], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        return False
    try:
        nodes = json.loads(r.stdout).get("nodes", [])
    except ValueError:
        return False
    return bool(nodes) and all(n.get("state") == "running" for n in nodes)


def launch(argv, env, idle_s, timeout_s=120):
    """One launch: (seconds from exec to the first painted frame, VmRSS MB after idling, VmHWM MB)."""
    config = tempfile.mkdtemp(prefix="kafdesk-bench-startup-config-")
    try:
        # A first start, but one that never stops a cluster it did not start.
        os.makedirs(os.path.join(config, "kafdesk"))
        with open(os.path.join(config, "kafdesk", "kafdesk.conf"), "w") as f:
            f.write("[localCluster]\nkeepRunningAfterQuit=true\n")
        run_env = dict(env, XDG_CONFIG_HOME=config, QT_QPA_PLATFORM="offscreen", KAFDESK_BENCH_STARTUP=str(idle_s))
        t0 = time.monotonic_ns()
        proc = subprocess.Popen(argv, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        painted, rss, hwm, tail = None, None, None, []
        # A launch that hangs is killed, which ends the reading below.
        watchdog = threading.Timer(timeout_s, proc.kill)
        watchdog.start()
        for line in proc.stderr:
            tail = (tail + [line.rstrip()])[-20:]
            if "first-paint-monotonic-ns=" in line:
                painted = int(line.split("=", 1)[1])
            elif "kafdesk-bench: VmRSS:" in line:
                rss = int(line.split()[2]) / 1024.0
            elif "kafdesk-bench: VmHWM:" in line:
                hwm = int(line.split()[2]) / 1024.0
        proc.wait(timeout=30)
        watchdog.cancel()
        if painted is None or rss is None:
            raise RuntimeError(f"{argv[0]} printed no first paint or no VmRSS (exit {proc.returncode}): "
                               + " | ".join(tail))
        return (painted - t0) / 1e9, rss, hwm
    finally:
        shutil.rmtree(config, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kafdesk", required=True)
    parser.add_argument("--peer", required=True, help="bench_qtpeer")
    parser.add_argument("--ctl", required=True)
    parser.add_argument("--clusters-dir", required=True)
    parser.add_argument("--cluster-name", default="bench")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle-s", type=int, default=5)
    parser.add_argument("--out")
    args = parser.parse_args()

    env = dict(os.environ, KAFDESK_CLUSTERS_DIR=args.clusters_dir)
    os.makedirs(args.clusters_dir, exist_ok=True)
    shared = cluster_running(args.ctl, args.cluster_name, env)
    if not shared:
        subprocess.run([args.ctl, "cluster", "start", "--name", args.cluster_name, "--brokers", "3", "-q"],
                       env=env, check=True, capture_output=True)
    log(f"cluster {args.cluster_name}: {'shared, left running' if shared else 'ours, taken down at the end'}")
    app = [args.kafdesk, "--local", "--cluster-name", args.cluster_name]
    peer = [args.peer]
    samples = {"kafdesk": [], "peer": []}
    try:
        # One unmeasured launch of each: the page cache holds the binaries and libraries after it.
        launch(app, env, 1)
        launch(peer, env, 1)
        for r in range(args.runs):
            for label, argv in (("kafdesk", app), ("peer", peer)):
                start_s, rss, hwm = launch(argv, env, args.idle_s)
                samples[label].append({"start_s": round(start_s, 4), "rss_mb": round(rss, 1),
                                       "hwm_mb": round(hwm or 0, 1)})
            log(f"run {r + 1}/{args.runs}: kafdesk {samples['kafdesk'][-1]}, peer {samples['peer'][-1]}")
    finally:
        if not shared:
            subprocess.run([args.ctl, "cluster", "down", "--name", args.cluster_name, "-q"], env=env)

    def med(label, key):
        return round(statistics.median(s[key] for s in samples[label]), 4)

    start, rss = med("kafdesk", "start_s"), med("kafdesk", "rss_mb")
    result = {
        "runs": args.runs,
        "idle_s": args.idle_s,
        "platform": "offscreen",
        "setup": "fresh XDG_CONFIG_HOME; kafdesk --local attaches to the running 3-node benchmark cluster",
        "start": {"kafdesk_median_s": start, "peer_median_s": med("peer", "start_s"),
                  "ratio": round(start / med("peer", "start_s"), 3), "goal_s_max": GOAL_START_S,
                  "goal_met": start <= GOAL_START_S},
        "idle_rss": {"kafdesk_median_mb": rss, "peer_median_mb": med("peer", "rss_mb"),
                     "ratio": round(rss / med("peer", "rss_mb"), 3), "goal_mb_max": GOAL_RSS_MB,
                     "goal_met": rss <= GOAL_RSS_MB, "kafdesk_hwm_median_mb": med("kafdesk", "hwm_mb")},
        "samples": samples,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
