"""Extraction as a map, the graph as a reduce, on a Dask cluster.

    dask_run.py CITEGRAPH OUT.jsonl WORKERS SHARDS SCRATCH PATH...

Starts a LocalCluster of WORKERS worker processes, cuts the files of PATH
(in the order a run reads them) into SHARDS shards, maps `citegraph extract`
over the shards on the cluster, and writes the gathered records, in shard
order, to OUT.jsonl. The workers keep their files in SCRATCH. Prints which worker processes did the work.
"""
import json
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def files_in_order(binary, paths):
    """The files a run reads, in its order: the "file" of each document
    record of one extraction (cheap next to the real work, and the walk's
    order by definition)."""
    out = subprocess.run([binary, "extract", "-q", *paths], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return [json.loads(line)["file"] for line in out.splitlines()
            if line.startswith('{"record":"document"')]


def extract_shard(binary, files):
    """The map step: one process per shard, as a cluster node would run it."""
    run = subprocess.run([binary, "extract", "-q", "-j", "1", *files],
                         capture_output=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.decode("utf-8", "replace"))
    return os.getpid(), run.stdout


def main():
    binary, out, workers, shards = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    scratch, paths = sys.argv[5], sys.argv[6:]
    files = files_in_order(binary, paths)
    per = (len(files) + shards - 1) // shards
    parts = [files[i:i + per] for i in range(0, len(files), per)]
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=40,
                      local_directory=scratch) as cluster, \
            Client(cluster) as client:
        futures = client.map(extract_shard, [binary] * len(parts), parts,
                             pure=False)
        results = client.gather(futures)  # in shard order
    pids = {pid for pid, _ in results}
    with open(out, "wb") as f:
        for _, records in results:
            f.write(records)
    print("dask: %d files in %d shards on %d worker processes (%d used)"
          % (len(files), len(parts), workers, len(pids)))


if __name__ == "__main__":
    main()
