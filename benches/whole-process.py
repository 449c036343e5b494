#!/usr/bin/env python3
"""Whole-process `proplint check` on real documents, side by side with `wc -m`.

    benches/whole-process.py [--runs N] [--corpus DIR] [--json] NAME=BINARY [NAME=BINARY ...]
                             [-- PEER=COMMAND ...]

The inputs are those a user has: the real proposals of the shared corpus (default
`../shared/corpus`, the files whose names start with a digit) concatenated as exported,
without separator lines, and repeated to 60 KB and 1 MB (cut at a line end), plus a tiny
file of one citation. Every command runs N times per input (default 30), all commands in
turn (A B wc A B wc ...) so that load from other work falls on each alike. The figure is
CPU time (user + system, from the kernel's accounting of the child), which the load of a
shared machine moves far less than wall time; the table gives its median and minimum and
the largest resident set size. Each binary runs `check FILE` (human report, to a pipe)
and `check --format json FILE`.

A peer is NAME=COMMAND, a shell command with `{}` for the file (`{md}` for the same text
named `.md`), for example `proselint='proselint check {}'` or
`markdownlint='markdownlint-cli2 {md}'`; it runs on the 60 KB document only, three times,
as the peers are a hundred times slower.
"""
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def corpus_text(corpus: Path) -> bytes:
    files = sorted(p for p in corpus.iterdir() if p.name[:1].isdigit() and p.is_file())
    if not files:
        raise SystemExit(f"{corpus}: no corpus files (names starting with a digit)")
    return b"".join(p.read_bytes() for p in files)


def repeated(text: bytes, size: int) -> bytes:
    out = bytearray()
    while len(out) < size:
        out += text
    cut = out.rfind(b"\n", 0, size)
    return bytes(out[: cut + 1])


def run(argv, shell=False):
    """CPU seconds (user + system), wall seconds and exit code of one run."""
    if shell:
        argv = ["/bin/sh", "-c", argv]
    read, write = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    # posix_spawn (vfork), not fork: a forked child's peak memory would count this
    # Python process's pages.
    pid = os.posix_spawnp(
        argv[0],
        argv,
        os.environ,
        file_actions=[
            (os.POSIX_SPAWN_DUP2, write, 1),
            (os.POSIX_SPAWN_DUP2, devnull, 2),
            (os.POSIX_SPAWN_CLOSE, read),
        ],
    )
    os.close(write)
    os.close(devnull)
    # Read the report as a terminal's pipe would, so that writing it is part of the run.
    with os.fdopen(read, "rb") as out:
        while out.read(1 << 16):
            pass
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, wall, code


def peak_memory_mib(argv):
    """Peak resident memory of one run, from `/usr/bin/time` (a child forked from this
    Python process would count its pages); `nan` without it."""
    if not os.path.exists("/usr/bin/time"):
        return float("nan")
    read, write = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    pid = os.posix_spawnp(
        "/usr/bin/time",
        ["/usr/bin/time", "-f", "%M", *argv],
        os.environ,
        file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, write, 2), (os.POSIX_SPAWN_CLOSE, read)],
    )
    os.close(write)
    os.close(devnull)
    with os.fdopen(read, "rb") as err:
        lines = err.read().decode(errors="replace").split()
    os.waitpid(pid, 0)
    try:
        return int(lines[-1]) / 1024
    except (IndexError, ValueError):
        return float("nan")


def main() -> int:
    args = sys.argv[1:]
    runs, corpus, as_json = 30, Path(__file__).resolve().parent.parent / "../shared/corpus", False
    peers = []
    if "--" in args:
        i = args.index("--")
        peers = [a.split("=", 1) for a in args[i + 1 :]]
        args = args[:i]
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--runs":
            runs = int(args.pop(0))
        elif flag == "--corpus":
            corpus = Path(args.pop(0))
        elif flag == "--json":
            as_json = True
        else:
            print(__doc__, file=sys.stderr)
            return 2
    bins = [a.split("=", 1) for a in args]
    if not bins:
        print(__doc__, file=sys.stderr)
        return 2
    text = corpus_text(corpus.resolve())
    tmp = Path(tempfile.mkdtemp(prefix="proplint-whole-"))
    inputs = {
        "tiny": "Résolution 130 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires.\n".encode(),
        "60KB": repeated(text, 60_000),
        "1MB": repeated(text, 1_000_000),
    }
    for name, data in inputs.items():
        (tmp / f"{name}.txt").write_bytes(data)
        (tmp / f"{name}.md").write_bytes(data)  # for peers that read Markdown only
    rows = []
    load = [os.getloadavg()[0]]
    for name in inputs:
        path = str(tmp / f"{name}.txt")
        commands = [("wc -m", ["wc", "-m", path], False)]
        for bin_name, exe in bins:
            commands.append((f"{bin_name} human", [exe, "check", path], False))
            if name != "tiny":
                commands.append((f"{bin_name} json", [exe, "check", "--format", "json", path], False))
        if name == "60KB":
            for peer, command in peers:
                md = str(tmp / f"{name}.md")
                commands.append((peer, command.replace("{md}", md).replace("{}", path), True))
        results = {label: [] for label, _, _ in commands}
        argvs = {label: (["/bin/sh", "-c", argv] if shell else argv) for label, argv, shell in commands}
        for label, argv, shell in commands:  # warm the page cache and the binaries
            run(argv, shell)
        for i in range(runs):
            for label, argv, shell in commands:
                if shell and i >= 3:
                    continue  # peers: a few runs are enough at their speed
                results[label].append(run(argv, shell))
        for label, _, _ in commands:
            cpu = [r[0] * 1000 for r in results[label]]
            wall = [r[1] * 1000 for r in results[label]]
            rss = peak_memory_mib(argvs[label])
            codes = sorted({r[2] for r in results[label]})
            rows.append(
                {
                    "input": name,
                    "bytes": len(inputs[name]),
                    "command": label,
                    "runs": len(cpu),
                    "cpu_ms_median": statistics.median(cpu),
                    "cpu_ms_min": min(cpu),
                    "wall_ms_median": statistics.median(wall),
                    "max_rss_mib": rss,
                    "exit_codes": codes,
                }
            )
        load.append(os.getloadavg()[0])
    if as_json:
        import json

        print(json.dumps({"load_average": load, "rows": rows}, indent=2))
        return 0
    print(f"load average (1 min) during the run: {min(load):.1f}-{max(load):.1f}; {runs} runs each")
    print(f"{'input':6} {'command':22} {'CPU ms median':>14} {'min':>7} {'x wc -m':>8} {'wall ms':>8} {'MiB':>6}")
    for name in inputs:
        wc = next(r for r in rows if r["input"] == name and r["command"] == "wc -m")
        for r in (r for r in rows if r["input"] == name):
            ratio = r["cpu_ms_median"] / wc["cpu_ms_median"] if wc["cpu_ms_median"] else float("nan")
            print(
                f"{name:6} {r['command']:22} {r['cpu_ms_median']:14.2f} {r['cpu_ms_min']:7.2f}"
                f" {ratio:8.1f} {r['wall_ms_median']:8.1f} {r['max_rss_mib']:6.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
