#!/usr/bin/python3
"""Benchmark of the bundled cluster: cold start (create, format, start, ready), warm start
(existing data), and the time from SIGKILL of one broker until metadata lists 2, each as the
median of N runs. The peer, measured in the same run on the same machine, is Kafka's own way:
StorageTool format for each node one after another, then the same `java kafka.Kafka` commands,
ready when metadata lists every broker. Metadata is read with confluent-kafka (Debian's)."""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from confluent_kafka.admin import AdminClient


def broker_ids(bootstrap, timeout=1.0):
    try:
        md = AdminClient({"bootstrap.servers": bootstrap, "socket.timeout.ms": 1000}).list_topics(timeout=timeout)
        return sorted(md.brokers)
    except Exception:  # the cluster is not up yet
        return []


def wait_for(bootstrap, ids, limit=120.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if broker_ids(bootstrap) == ids:
            return time.monotonic() - start
        time.sleep(0.05)
    raise RuntimeError(f"{bootstrap} did not list brokers {ids} within {limit} s")


def ctl(args, env):
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    return out


def kafdesk_runs(ctl_path, runs, env):
    cold, warm, fence = [], [], []
    for i in range(runs):
        name = f"bench-{os.getpid()}-{i}"
        t = time.monotonic()
        out = ctl([ctl_path, "cluster", "start", "--name", name, "-q"], env)
        cold.append(time.monotonic() - t)
        bootstrap = out.strip().split("=", 1)[1]
        ctl([ctl_path, "cluster", "stop", "--name", name, "-q"], env)
        t = time.monotonic()
        ctl([ctl_path, "cluster", "start", "--name", name, "-q"], env)
        warm.append(time.monotonic() - t)
        t = time.monotonic()
        ctl([ctl_path, "cluster", "kill", "3", "--name", name, "-q"], env)
        wait_for(bootstrap, [1, 2], 60)
        fence.append(time.monotonic() - t)
        ctl([ctl_path, "cluster", "down", "--name", name, "-q"], env)
    return cold, warm, fence


def peer_runs(template_dir, java, jars, runs, ready_limit):
    """Kafka's quickstart way, with the node configs Kafdesk generated (re-pointed to new dirs)."""
    cold = []
    for _ in range(runs):
        root = tempfile.mkdtemp(prefix="kafka-peer-")
        procs = []
        try:
            configs = []
            for node in sorted(d for d in os.listdir(template_dir) if d.startswith("node-")):
                text = open(os.path.join(template_dir, node, "node.properties")).read()
                text = text.replace(os.path.join(template_dir, node), os.path.join(root, node))
                os.makedirs(os.path.join(root, node, "logs"))
                path = os.path.join(root, node, "node.properties")
                open(path, "w").write(text)
                configs.append((node, path))
            log4j = os.path.join(template_dir, "log4j2.properties")
            base = [java, f"-Dlog4j2.configurationFile={log4j}", "-cp", f"{jars}/*"]
            cluster_id = subprocess.run(base + ["kafka.tools.StorageTool", "random-uuid"], check=True,
                                        capture_output=True, text=True).stdout.strip()
            t = time.monotonic()
            for node, path in configs:
                subprocess.run(base + [f"-Dkafka.logs.dir={root}/{node}/logs", "kafka.tools.StorageTool", "format",
                                       "-t", cluster_id, "-c", path], check=True, capture_output=True)
            for node, path in configs:
                procs.append(subprocess.Popen(
                    [java, "-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                     f"-Dkafka.logs.dir={root}/{node}/logs", f"-Dlog4j2.configurationFile={log4j}",
                     "-cp", f"{jars}/*", "kafka.Kafka", path],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            bootstrap = ",".join(
                line.split("PLAINTEXT://", 1)[1].split(",")[0]
                for _, path in configs for line in open(path) if line.startswith("listeners="))
            wait_for(bootstrap, list(range(1, len(configs) + 1)), ready_limit)
            cold.append(time.monotonic() - t)
        finally:
            for p in procs:
                p.send_signal(signal.SIGKILL)
                p.wait()
            shutil.rmtree(root, ignore_errors=True)
    return cold


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctl", required=True)
    parser.add_argument("--runs", type=int, default=3)
    # On a loaded machine (load average 15-20 on 2 cores) three JVM brokers take over 2 minutes.
    parser.add_argument("--ready-limit-s", type=float, default=300.0,
                        help="how long the peer's brokers may take to be listed")
    parser.add_argument("--out")
    args = parser.parse_args()

    env = dict(os.environ)
    env["KAFDESK_CLUSTERS_DIR"] = tempfile.mkdtemp(prefix="kafdesk-bench-")
    java = subprocess.run(["sh", "-c", "readlink -f /usr/lib/jvm/java-17-openjdk-*/bin/java | head -1"],
                          capture_output=True, text=True).stdout.strip()
    jars = os.environ.get("KAFDESK_KAFKA_JARS") or os.path.expanduser("~/.cache/kafdesk/kafka-4.1.2")

    # A template cluster for the peer's configs, so both run the very same broker settings.
    ctl([args.ctl, "cluster", "start", "--name", "template", "-q"], env)
    ctl([args.ctl, "cluster", "stop", "--name", "template", "-q"], env)
    template = os.path.join(env["KAFDESK_CLUSTERS_DIR"], "template")
    try:
        peer = peer_runs(template, java, jars, args.runs, args.ready_limit_s)
        cold, warm, fence = kafdesk_runs(args.ctl, args.runs, env)
    finally:
        subprocess.run([args.ctl, "cluster", "down", "--name", "template", "-q"], env=env)
        shutil.rmtree(env["KAFDESK_CLUSTERS_DIR"], ignore_errors=True)

    result = {
        "runs": args.runs,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "kafdesk_cold_start_s": statistics.median(cold),
        "kafdesk_warm_start_s": statistics.median(warm),
        "sigkill_to_2_brokers_s": statistics.median(fence),
        "peer_kafka_scripts_cold_start_s": statistics.median(peer),
        "cold_start_ratio_vs_peer": statistics.median(cold) / statistics.median(peer),
        "samples": {"cold": cold, "warm": warm, "fence": fence, "peer_cold": peer},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        open(args.out, "w").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
