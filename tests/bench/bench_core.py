#!/usr/bin/python3
"""Benchmark of Kafdesk's core against the usual tools, in one run against one dedicated local cluster:

1. A full cluster snapshot (by default 1,000 topics x 10 partitions): `kafdesk-ctl describe --json`
   against `kcat -L` (and, for reference, `kcat -L -J`), each a whole process as a user runs it.
   Goal: Kafdesk no slower than 1.5x kcat.
2. The lag of every consumer group (by default 200): `kafdesk-ctl groups lag --all --json` against
   Kafka's ConsumerGroupCommand --describe --all-groups. Goal: Kafdesk at most 0.2x its time.

Each tool gets one warm-up run, then the timed runs alternate between the tool and its peer (so that
drifting load on a shared machine hits both alike); the result is the median wall time, with the
median CPU time (user+sys of the child) beside it. The topics and groups are created with
confluent-kafka (Debian's). The cluster is a new one, taken down at the end, unless --cluster-name
names one that runs (the suite's shared benchmark cluster): then it is left running, with the
benchmark's topics deleted. The goals are reported ("goal_met"), not enforced:
the exit code is 1 only when the tools disagree (partition count, lag rows or their lag)."""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

TOPIC_PREFIX = "bench-t"
GROUP_PREFIX = "bench-g"


def log(message):
    print(f"[bench_core {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ctl(args, env):
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


def topic_name(i):
    return f"{TOPIC_PREFIX}-{i:04d}"


def group_name(i):
    return f"{GROUP_PREFIX}-{i:03d}"


# --- set-up ---------------------------------------------------------------------------------------

def create_topics(admin, count, partitions, replication, batch):
    for start in range(0, count, batch):
        names = [topic_name(i) for i in range(start, min(count, start + batch))]
        futures = admin.create_topics([NewTopic(n, partitions, replication) for n in names],
                                      operation_timeout=120, request_timeout=180)
        for name, future in futures.items():
            try:
                future.result()
            except KafkaException as e:
                if e.args[0].code() != e.args[0].TOPIC_ALREADY_EXISTS:
                    raise RuntimeError(f"creating {name} failed: {e}") from e
        log(f"created topics {start}..{start + len(names) - 1}")


def ready_partitions(bootstrap, replication):
    """Benchmark partitions with a leader and a full ISR, as one broker's metadata has them: a
    fresh client asks the broker it was given first."""
    admin = AdminClient({"bootstrap.servers": bootstrap})
    md = admin.list_topics(timeout=30)
    return sum(1 for name, t in md.topics.items() if name.startswith(TOPIC_PREFIX) and t.error is None
               for p in t.partitions.values() if p.leader >= 0 and p.error is None and len(p.isrs) >= replication)


def wait_for_partitions(bootstrap, topics, partitions, replication, limit):
    """Until every broker's metadata lists every benchmark partition with a leader and a full ISR
    (a KRaft broker's metadata can trail the controller's for a while)."""
    want = topics * partitions
    start = time.monotonic()
    ready = {}
    while time.monotonic() - start < limit:
        for broker in bootstrap.split(","):
            try:
                ready[broker] = ready_partitions(broker, replication)
            except KafkaException:
                ready[broker] = 0
        if all(n == want for n in ready.values()):
            return time.monotonic() - start
        time.sleep(1.0)
    raise RuntimeError(f"not every broker listed {want} partitions with a leader and a full ISR "
                       f"after {limit} s: {ready}")


def group_plan(groups, topics, per_group_topics, per_topic_partitions):
    """Group i commits for partitions 0..P-1 of topics i, i+1, ... (mod the topic count)."""
    plan = {}
    for g in range(groups):
        plan[group_name(g)] = [(topic_name((g + k) % topics), p)
                               for k in range(per_group_topics) for p in range(per_topic_partitions)]
    return plan


def produce(bootstrap, plan, per_partition, limit=180.0):
    """per_partition messages to each partition that a group commits for. Partitions whose
    messages fail (a broker whose metadata still trails) are produced again, whole, until all are in."""
    pending = sorted({tp for tps in plan.values() for tp in tps})
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 20, "acks": "all"})
    start = time.monotonic()
    delivered_count = [0]
    while pending:
        failed = set()

        def delivered(err, msg):
            if err is not None:
                failed.add((msg.topic(), msg.partition()))
            else:
                delivered_count[0] += 1

        for topic, partition in pending:
            for n in range(per_partition):
                while True:
                    try:
                        producer.produce(topic, value=f"message {n}".encode(), partition=partition,
                                         on_delivery=delivered)
                        break
                    except BufferError:
                        producer.poll(0.1)
            producer.poll(0)
        left = producer.flush(120)
        if left:
            raise RuntimeError(f"producing failed: {left} messages undelivered after 120 s")
        if failed:
            if time.monotonic() - start > limit:
                raise RuntimeError(f"producing to {len(failed)} partitions still failed after {limit} s")
            log(f"producing to {len(failed)} partitions failed; producing to them again")
            time.sleep(2.0)
        pending = sorted(failed)
    return delivered_count[0]


RETRIABLE_COMMIT = {KafkaError.COORDINATOR_NOT_AVAILABLE, KafkaError.NOT_COORDINATOR,
                    KafkaError.COORDINATOR_LOAD_IN_PROGRESS, KafkaError.REQUEST_TIMED_OUT, KafkaError._TIMED_OUT,
                    KafkaError._TRANSPORT}


def commit_groups(bootstrap, plan, per_partition, limit=120.0):
    """Offsets below the end, so that every committed partition lags (by 1 to per_partition). The
    first commit creates __consumer_offsets, so its coordinator may take a while to be there."""
    for i, (group, tps) in enumerate(plan.items()):
        consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "enable.auto.commit": False})
        try:
            offsets = [TopicPartition(t, p, (i + p) % per_partition) for t, p in tps]
            start = time.monotonic()
            while True:
                try:
                    consumer.commit(offsets=offsets, asynchronous=False)
                    break
                except KafkaException as e:
                    if e.args[0].code() not in RETRIABLE_COMMIT or time.monotonic() - start > limit:
                        raise
                    time.sleep(0.5)
        finally:
            consumer.close()


# --- measuring ------------------------------------------------------------------------------------

def timed(args, out_path, env=None):
    """One whole process, stdout to a file; returns (wall s, cpu s of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out_path, "wb") as out:
        t = time.monotonic()
        proc = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, env=env)
        wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} exited with {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compare(commands, runs, workdir, env):
    """commands: {label: argv}. One warm-up of each, then `runs` rounds, each running every command once."""
    samples = {label: {"wall": [], "cpu": []} for label in commands}
    outputs = {label: os.path.join(workdir, f"{label}.out") for label in commands}
    for label, argv in commands.items():
        wall, _ = timed(argv, outputs[label], env)
        log(f"warm-up {label}: {wall:.3f} s")
    for r in range(runs):
        for label, argv in commands.items():
            wall, cpu = timed(argv, outputs[label], env)
            samples[label]["wall"].append(round(wall, 4))
            samples[label]["cpu"].append(round(cpu, 4))
        log(f"round {r + 1}/{runs}: " + ", ".join(f"{k} {v['wall'][-1]:.3f} s" for k, v in samples.items()))
    return samples, outputs


def median(values):
    return round(statistics.median(values), 4)


def ctl_lag_rows(path):
    rows = {}
    for row in json.load(open(path)):
        if row["group"].startswith(GROUP_PREFIX):
            rows[(row["group"], row["topic"], row["partition"])] = row.get("lag")
    return rows


def cgc_lag_rows(path):
    """ConsumerGroupCommand's table: GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG ..."""
    rows = {}
    for line in open(path, errors="replace"):
        f = line.split()
        if len(f) >= 6 and f[0].startswith(GROUP_PREFIX) and f[2].isdigit():
            rows[(f[0], f[1], int(f[2]))] = int(f[5]) if f[5].lstrip("-").isdigit() else None
    return rows


def kcat_partition_count(path):
    """Partition lines of our topics in `kcat -L`: the lines under 'topic "bench-t-..."'."""
    count, ours = 0, False
    for line in open(path, errors="replace"):
        s = line.strip()
        if s.startswith("topic \""):
            ours = s.startswith(f"topic \"{TOPIC_PREFIX}")
        elif s.startswith("partition ") and ours:
            count += 1
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctl", required=True, help="the kafdesk-ctl executable")
    parser.add_argument("--kcat", default=shutil.which("kcat") or "/usr/bin/kcat")
    parser.add_argument("--java", default=os.environ.get("KAFDESK_JAVA")
                        or "/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
    parser.add_argument("--jars", default=os.environ.get("KAFDESK_KAFKA_JARS")
                        or os.path.expanduser("~/.cache/kafdesk/kafka-4.1.2"))
    parser.add_argument("--brokers", type=int, default=3)
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--partitions", type=int, default=10)
    # 1 by default: with 3, each broker holds all 10,000 replicas, and on a small machine the
    # default 512 MB broker heap is then in constant GC (about 1.4 cores busy while idle), while
    # replication alone keeps about 0.6 cores busy even with a 1 GB heap.
    parser.add_argument("--replication-factor", type=int, default=1)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--group-topics", type=int, default=2, help="topics each group commits for")
    parser.add_argument("--group-partitions", type=int, default=3, help="partitions of each such topic")
    parser.add_argument("--messages-per-partition", type=int, default=5)
    parser.add_argument("--describe-runs", type=int, default=15)
    parser.add_argument("--settle-s", type=float, default=20.0,
                        help="idle time after the set-up, so that the brokers are done with it (GC, "
                             "offset commits, replication) before anything is timed")
    parser.add_argument("--lag-runs", type=int, default=5)
    parser.add_argument("--clusters-dir", help="KAFDESK_CLUSTERS_DIR of --cluster-name")
    parser.add_argument("--cluster-name", help="a cluster to use; if it runs, it is shared: left running")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.describe_runs < 5 or args.lag_runs < 3:
        parser.error("at least 5 describe runs and 3 lag runs")
    workdir = tempfile.mkdtemp(prefix="kafdesk-bench-core-out-")
    try:
        return run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def cluster_running(ctl_path, name, env):
    r = subprocess.run([ctl_path, "cluster", "status", "--name", name, "--json"], env=env, capture_output=True, text=True)
    try:
        nodes = json.loads(r.stdout).get("nodes", []) if r.returncode == 0 else []
    except ValueError:
        return False
    return bool(nodes) and all(n.get("state") == "running" for n in nodes)


def delete_benchmark_topics(bootstrap, topics):
    """What a shared cluster is left with: not the benchmark's topics (their groups' offsets go with them)."""
    admin = AdminClient({"bootstrap.servers": bootstrap})
    names = [topic_name(i) for i in range(topics)]
    for start in range(0, len(names), 200):
        for name, future in admin.delete_topics(names[start:start + 200], operation_timeout=120).items():
            try:
                future.result()
            except KafkaException as e:
                log(f"deleting {name}: {e}")
    log(f"deleted the {topics} benchmark topics")


def run(args, workdir):
    env = dict(os.environ)
    own_dir = not args.clusters_dir
    env["KAFDESK_CLUSTERS_DIR"] = args.clusters_dir or tempfile.mkdtemp(prefix="kafdesk-bench-core-")
    name = args.cluster_name or f"bench-core-{os.getpid()}"
    shared = bool(args.cluster_name) and cluster_running(args.ctl, name, env)
    bootstrap = None
    setup = {}
    admin = None
    try:
        t0 = time.monotonic()
        out = ctl([args.ctl, "cluster", "start", "--name", name, "--brokers", str(args.brokers), "-q"], env)
        bootstrap = out.strip().splitlines()[-1].split("=", 1)[1]
        setup["cluster_start_s"] = round(time.monotonic() - t0, 2)
        log(f"cluster {name} up at {bootstrap} in {setup['cluster_start_s']} s"
            + (" (shared: left running, the benchmark topics deleted at the end)" if shared else ""))

        admin = AdminClient({"bootstrap.servers": bootstrap})
        t = time.monotonic()
        create_topics(admin, args.topics, args.partitions, args.replication_factor, 100)
        setup["create_topics_s"] = round(time.monotonic() - t, 2)
        t = time.monotonic()
        wait_for_partitions(bootstrap, args.topics, args.partitions, args.replication_factor, 600)
        setup["partitions_ready_s"] = round(time.monotonic() - t, 2)
        log(f"{args.topics * args.partitions} partitions with leaders")

        plan = group_plan(args.groups, args.topics, args.group_topics, args.group_partitions)
        t = time.monotonic()
        produced_partitions = len({tp for tps in plan.values() for tp in tps})
        sent = produce(bootstrap, plan, args.messages_per_partition)
        setup["produce_s"] = round(time.monotonic() - t, 2)
        t = time.monotonic()
        commit_groups(bootstrap, plan, args.messages_per_partition)
        setup["commit_groups_s"] = round(time.monotonic() - t, 2)
        setup["total_s"] = round(time.monotonic() - t0, 2)
        log(f"produced {sent} messages to {produced_partitions} partitions, committed {args.groups} groups; "
            f"set-up took {setup['total_s']} s")

        log(f"letting the cluster settle for {args.settle_s:.0f} s")
        time.sleep(args.settle_s)

        # 1. The full snapshot.
        describe, describe_out = compare({
            "kafdesk_describe": [args.ctl, "describe", "--bootstrap", bootstrap, "--json"],
            "kcat_L": [args.kcat, "-b", bootstrap, "-L"],
            "kcat_L_J": [args.kcat, "-b", bootstrap, "-L", "-J"],
        }, args.describe_runs, workdir, env)
        snapshot = json.load(open(describe_out["kafdesk_describe"]))
        ctl_partitions = sum(len(t["partitions"]) for t in snapshot["topics"] if t["name"].startswith(TOPIC_PREFIX))
        kcat_partitions = kcat_partition_count(describe_out["kcat_L"])

        # 2. The lag of every group.
        lag, lag_out = compare({
            "kafdesk_lag": [args.ctl, "groups", "lag", "--all", "--bootstrap", bootstrap, "--json"],
            "consumer_group_command": [args.java, "-cp", os.path.join(args.jars, "*"),
                                       "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                                       "--bootstrap-server", bootstrap, "--describe", "--all-groups"],
        }, args.lag_runs, workdir, env)
        ctl_rows = ctl_lag_rows(lag_out["kafdesk_lag"])
        cgc_rows = cgc_lag_rows(lag_out["consumer_group_command"])
    finally:
        admin = None  # closes the client, so that it does not log the cluster going away
        if shared:
            if bootstrap:
                delete_benchmark_topics(bootstrap, args.topics)
        else:
            subprocess.run([args.ctl, "cluster", "down", "--name", name, "-q"], env=env)
            if own_dir:
                shutil.rmtree(env["KAFDESK_CLUSTERS_DIR"], ignore_errors=True)
    expected_rows = args.groups * args.group_topics * args.group_partitions
    mismatches = []
    if ctl_partitions != args.topics * args.partitions:
        mismatches.append(f"kafdesk describe listed {ctl_partitions} partitions of the benchmark topics, "
                          f"expected {args.topics * args.partitions}")
    if kcat_partitions != args.topics * args.partitions:
        mismatches.append(f"kcat -L listed {kcat_partitions} partitions of the benchmark topics, "
                          f"expected {args.topics * args.partitions}")
    if len(ctl_rows) != len(cgc_rows):
        mismatches.append(f"lag rows: kafdesk {len(ctl_rows)}, ConsumerGroupCommand {len(cgc_rows)}")
    if set(ctl_rows) != set(cgc_rows):
        only_ctl = sorted(set(ctl_rows) - set(cgc_rows))[:5]
        only_cgc = sorted(set(cgc_rows) - set(ctl_rows))[:5]
        mismatches.append(f"lag (group, topic, partition) sets differ: only kafdesk {only_ctl}, "
                          f"only ConsumerGroupCommand {only_cgc}")
    differing_lag = [k for k in ctl_rows if k in cgc_rows and ctl_rows[k] != cgc_rows[k]]
    if differing_lag:
        mismatches.append(f"{len(differing_lag)} rows with different lag, such as {differing_lag[0]}: "
                          f"kafdesk {ctl_rows[differing_lag[0]]}, ConsumerGroupCommand {cgc_rows[differing_lag[0]]}")
    if len(ctl_rows) != expected_rows:
        mismatches.append(f"kafdesk lag listed {len(ctl_rows)} rows, expected {expected_rows}")
    for m in mismatches:
        log(f"MISMATCH: {m}")

    med = {k: {"wall": median(v["wall"]), "cpu": median(v["cpu"])} for k, v in {**describe, **lag}.items()}
    describe_ratio = med["kafdesk_describe"]["wall"] / med["kcat_L"]["wall"]
    lag_ratio = med["kafdesk_lag"]["wall"] / med["consumer_group_command"]["wall"]
    result = {
        "cluster": {
            "brokers": args.brokers,
            "topics": args.topics,
            "partitions_per_topic": args.partitions,
            "replication_factor": args.replication_factor,
            "replication_note": ("the benchmark topics have replication factor 1 (the cluster's own topics "
                                 "keep 3): 30,000 replicas on 3 brokers are too heavy for a small machine"
                                 if args.replication_factor == 1 else ""),
            "broker_heap": os.environ.get("KAFDESK_BROKER_HEAP") or "512m",
            "shared_cluster": shared,
            "partitions_total": args.topics * args.partitions,
            "groups": args.groups,
            "committed_partitions_per_group": args.group_topics * args.group_partitions,
            "messages_produced": sent,
            "snapshot_json_bytes": os.path.getsize(describe_out["kafdesk_describe"]),
            "kcat_L_bytes": os.path.getsize(describe_out["kcat_L"]),
        },
        "setup_s": setup,
        "describe": {
            "runs": args.describe_runs,
            "kafdesk_median_s": med["kafdesk_describe"]["wall"],
            "kcat_L_median_s": med["kcat_L"]["wall"],
            "kcat_L_J_median_s": med["kcat_L_J"]["wall"],
            "ratio_vs_kcat_L": round(describe_ratio, 3),
            "ratio_vs_kcat_L_J": round(med["kafdesk_describe"]["wall"] / med["kcat_L_J"]["wall"], 3),
            "goal_ratio_max": 1.5,
            "goal_met": describe_ratio <= 1.5,
            "cpu_median_s": {k: med[k]["cpu"] for k in describe},
        },
        "lag": {
            "runs": args.lag_runs,
            "kafdesk_median_s": med["kafdesk_lag"]["wall"],
            "consumer_group_command_median_s": med["consumer_group_command"]["wall"],
            "ratio_vs_consumer_group_command": round(lag_ratio, 3),
            "goal_ratio_max": 0.2,
            "goal_met": lag_ratio <= 0.2,
            "rows_kafdesk": len(ctl_rows),
            "rows_consumer_group_command": len(cgc_rows),
            "total_lag_kafdesk": sum(v or 0 for v in ctl_rows.values()),
            "total_lag_consumer_group_command": sum(v or 0 for v in cgc_rows.values()),
            "cpu_median_s": {k: med[k]["cpu"] for k in lag},
        },
        "mismatches": mismatches,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "samples": {k: v for k, v in {**describe, **lag}.items()},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        open(args.out, "w").write(text)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
