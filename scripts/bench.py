#!/usr/bin/env python3
"""Benchmarks: build overhead, growth with data, live reload, and the weight of the built site.

    python scripts/bench.py [--quick] [--json] [--save]
    python scripts/bench.py --scale [--full | --sizes 1,100] [--pairs N] [--json] [--save]   (whole builds and search at 1x, 10x, 100x[, 1000x])
    python scripts/bench.py --hostile [--json] [--save]   (hostile data: time and memory of each refusal; validation)

Prints a Markdown table (or, with --json, one JSON object). With --save it keeps the results in
bench/results/bench.json (a --quick run in bench-quick.json, so it never replaces a full one); nothing else is
written. --quick runs fewer rounds (under two minutes). Absolute times vary
from machine to machine: the machine is reported beside them, and the ratios are the headline.

Goals: full build at most 1.2x a plain MkDocs build of the same Markdown; generation time linear or better in
the data, 100x data in under 1 s; live reload under 2 s; (weight is reported, not judged). Scale (N× data: every
list of entries with ids N times under new ids, tests/helpers/project.py synthetic_data): at 100x and 1000x a
whole build with no cards cached at most 1.3x, with them cached at most 1.1x, what plain Material with the i18n
plugin takes on the same generated Markdown (paired runs, alternating, medians of the ratios of CPU time; wall
time beside), 1000x in under 1 GB; no page's HTML over 250 kB; the search query median at 100x under 100 ms.
Hostile data: each resource bomb refused in under 10 s and 200 MB; a 1 MB data file validated in under 2 s, a
10 MB one in under 20 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]  # benchkit; helpers, shared with the tests

from benchkit import machine, save_results  # noqa: E402
from helpers.browser import CHROMIUM, CHROMIUM_ARGS, run_worker, serve_folder  # noqa: E402
from helpers.project import build_variant, copy_project, editions_plugin, mkdocs_settings, synthetic_data  # noqa: E402
from sitegen.pipeline import generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> float:
    """A command's wall seconds (build_run); one that fails stops the benchmark."""
    run = build_run(command, cwd)
    if not run["ok"]:
        sys.exit(f"{' '.join(command[2:])} failed (exit {run['status']}) in {cwd}")
    return run["wall"]


def build_overhead(rounds: int) -> dict:
    """Full build (generate + mkdocs build --strict) against MkDocs + Material alone on the same Markdown."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        plain = plain_config(project)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
        timed(mkdocs + ["--strict"], project)  # warm up; generates docs/ for the plain build
        full, bare = [], []
        for _ in range(rounds):  # alternate, so drift in the machine's speed hits both alike
            full.append(timed(mkdocs + ["--strict"], project))
            bare.append(timed(mkdocs + ["-f", str(plain)], project))
    ratios = [f / b for f, b in zip(full, bare)]
    return {
        "rounds": rounds,
        "full_s_median": round(statistics.median(full), 3),
        "plain_s_median": round(statistics.median(bare), 3),
        "ratio_median": round(statistics.median(ratios), 3),
        "goal": "ratio <= 1.2",
        "met": statistics.median(ratios) <= 1.2,
    }


def measure_generation(data: Path, out: Path, rounds: int) -> dict:
    """In a child process whose temp folder starts empty: the first run (cold: nothing cached), then the median
    of `rounds` runs in the same process (templates compiled once a process, cards drawn once), and peak memory."""
    import resource

    start = time.perf_counter()
    generate(data, out / "cold")
    cold = time.perf_counter() - start
    times = []
    for i in range(rounds):
        start = time.perf_counter()
        generate(data, out / str(i))
        times.append(time.perf_counter() - start)
    return {
        "s_median": round(statistics.median(times), 3),
        "cold_s": round(cold, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def growth(rounds: int) -> dict:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10, 100):
            data = synthetic_data(factor, Path(tmp) / f"data{factor}") if factor > 1 else ROOT / "data"
            caches = Path(tmp) / f"tmp{factor}"  # the child's temp folder, so its caches start empty
            caches.mkdir()
            child = subprocess.run(
                [sys.executable, __file__, "--child-generate", str(data), str(Path(tmp) / f"out{factor}"), str(rounds)],
                env={**ENV, "TMPDIR": str(caches)},
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append({"factor": factor, "synthetic": factor > 1, **json.loads(child.stdout)})
    t1, t100 = rows[0]["s_median"], rows[2]["s_median"]
    exponent = math.log(t100 / t1) / math.log(100)
    return {
        "rows": rows,
        "time_exponent": round(exponent, 2),
        "goal": "exponent <= 1 and 100x < 1 s",
        "met": exponent <= 1.0 and t100 < 1.0,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_reload(rounds: int) -> dict:
    """With mkdocs serve running: time from saving a data file to the new value shown in Chromium."""
    from playwright.sync_api import sync_playwright

    times = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        project = copy_project(Path(tmp))
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for _ in range(300):
                try:
                    page.goto(f"http://127.0.0.1:{port}/so-lieu/")
                    break
                except Exception:
                    time.sleep(0.2)
            page.wait_for_selector("text=756/756")
            figures = project / "data" / "figures.yml"
            original = figures.read_text(encoding="utf-8")
            for i in range(rounds):
                marker = f"Đo tải lại {i}"
                time.sleep(1.0)  # let the watcher settle between rounds
                start = time.perf_counter()
                figures.write_text(
                    original.replace("label: Ban công tác Mặt trận thôn đã tổ chức xong hội nghị", f"label: {marker}"),
                    encoding="utf-8",
                )
                page.wait_for_selector(f"text={marker}", timeout=30000)
                times.append(time.perf_counter() - start)
        finally:
            browser.close()
            server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site folder
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # SIGINT is ignored when this runs as a background job (nohup … &)
                server.kill()
                server.wait()
    return {
        "rounds": rounds,
        "s_median": round(statistics.median(times), 3),
        "s_max": round(max(times), 3),
        "goal": "median < 2 s",
        "met": statistics.median(times) < 2.0,
    }


def weight() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)], cwd=ROOT, env=ENV, check=True
        )
        files = [p for p in site.rglob("*") if p.is_file()]
        size = lambda paths: (sum(p.stat().st_size for p in paths), sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths))
        total_raw, total_gz = size(files)
        pages = {
            ("/" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"): size([p])
            for p in site.rglob("index.html")
            if "assets" not in p.parts
        }
        index_raw, index_gz = size([site / "search" / "search_index.json"])
    return {
        "total_raw": total_raw,
        "total_gzip": total_gz,
        "files": len(files),
        "pages": {k: {"raw": r, "gzip": g} for k, (r, g) in sorted(pages.items())},
        "search_index_raw": index_raw,
        "search_index_gzip": index_gz,
    }


def scale_markdown(scale: dict) -> str:
    lines = [
        "| data | whole build, first | peak memory | pages | largest page | search ready (Material default) | query median (Material default) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in scale["rows"]:
        ours, default = row["search"], row["search_default"]
        lines.append(
            f"| {row['factor']}× | {row['build_s']} s (CPU {row['cpu_s']} s){'' if row['ok'] else ' (failed)'} | "
            f"{row['peak_mib']} MiB | {row['pages']} | {row['largest_page']} {row['largest_page_kb']} kB | "
            f"{ours['ready_ms']} ms ({default['ready_ms']} ms) | {ours['query_ms_median']} ms ({default['query_ms_median']} ms) |"
        )
    paired = [row for row in scale["rows"] if "ratios" in row]
    if paired:
        lines += [
            "",
            "| data | builds (pairs) | no cards cached ÷ plain: CPU (wall) | cached ÷ plain: CPU (wall) | this site, CPU s: cold / warm | plain, CPU s | peak memory |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in paired:
            r = row["ratios"]
            lines.append(
                f"| {row['factor']}× | {r['pairs']} | {r['cold_cpu']}× ({r['cold_wall']}×) | {r['warm_cpu']}× ({r['warm_wall']}×) | "
                f"{r['cold_cpu_s']} / {r['warm_cpu_s']} | {r['plain_cpu_s']} | {r['peak_mib']} MiB |"
            )
    ok = lambda met: "✓" if met else "✗"  # noqa: E731
    lines += ["", "| goal | measured | met |", "|---|---|---|"]
    lines += [f"| {goal['goal']} | {goal['measured']} | {ok(goal['met'])} |" for goal in scale["goals"]]
    if "exponent_10_100" in scale:
        lines.append(f"\nGrowth exponent of the first whole build, 10× → 100×: {scale['exponent_10_100']}.")
    return "\n".join(lines)


def markdown(report: dict) -> str:
    b, g, r, w = report["build"], report["growth"], report["live_reload"], report["weight"]
    ok = lambda met: "✓" if met else "✗"
    lines = [
        "| measure | result | goal | met |",
        "|---|---|---|---|",
        f"| full build ÷ plain MkDocs build (median of {b['rounds']}) | {b['ratio_median']}× ({b['full_s_median']} s / {b['plain_s_median']} s) | ≤ 1.2× | {ok(b['met'])} |",
        f"| generation time growth (exponent, 1× → 100× data) | {g['time_exponent']} | ≤ 1 | {ok(g['time_exponent'] <= 1)} |",
    ]
    for row in g["rows"]:
        label = f"{row['factor']}× data" + (" (synthetic)" if row["synthetic"] else "")
        goal = "< 1 s" if row["factor"] == 100 else ""
        met = ok(row["s_median"] < 1) if row["factor"] == 100 else ""
        lines.append(
            f"| generation, {label} | {row['s_median']} s (first run, nothing cached: {row['cold_s']} s), "
            f"peak memory {row['peak_rss_mib']} MiB | {goal} | {met} |"
        )
    lines += [
        f"| live reload: save → new value in Chromium (median of {r['rounds']}) | {r['s_median']} s | < 2 s | {ok(r['met'])} |",
        f"| site weight | {w['total_raw']:,} B raw, {w['total_gzip']:,} B gzip, {w['files']} files | | |",
        f"| search index | {w['search_index_raw']:,} B raw, {w['search_index_gzip']:,} B gzip | | |",
    ]
    lines.append("\nMachine: " + ", ".join(f"{k} {v}" for k, v in report["machine"].items()))
    return "\n".join(lines)


def worker_ready(site: Path, queries: list[str]) -> dict:
    """Material's search worker on a built site, in Chromium: ms to build the index, and per query (median)."""
    from playwright.sync_api import sync_playwright

    url, httpd = serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            (answer,) = run_worker(page, url, site, [("", queries)])
            browser.close()
    finally:
        httpd.shutdown()
    return {
        "ready_ms": round(answer["ready"]),
        "query_ms_median": round(statistics.median(r["ms"] for r in answer["results"]), 1),
    }


SCALE_QUERIES = ["quyet thang", "hiep thuong", "12/01/2024"]


def default_search(project: Path, site: Path) -> dict:
    """Material's default search (its lunr.vi and settings) on the same pages: ready, query median."""
    build_variant(project, site, default=True)
    try:
        return worker_ready(site, SCALE_QUERIES)
    finally:
        shutil.rmtree(site)


PAIRED_FACTORS = (100, 1000)  # the sizes whose whole builds are compared with plain Material's, side by side


def build_run(command: list[str], cwd: Path | None = None) -> dict:
    """One whole command as a separate process: wall and CPU seconds (its own and its children's), peak memory
    (MiB, the largest process), exit status."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return {
        "wall": time.perf_counter() - start,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
        "status": code,
        "ok": code == 0,
    }


OURS = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"]


def plain_config(project: Path) -> Path:
    """Plain Material with the i18n plugin (the same editions), nothing of this site's: on the Markdown the
    site's build leaves in docs/."""
    config = project / "plain.yml"
    plugins = [{"search": {"lang": "vi"}}, editions_plugin(mkdocs_settings())]
    config.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump({"plugins": plugins}, allow_unicode=True), encoding="utf-8")
    return config


def paired(project: Path, pairs: int, first: dict) -> dict:
    """This site's whole build with no cards cached (cold), then cached (warm), each beside plain Material on
    the same Markdown, alternating (cold, plain, warm, plain) so that the machine's drift hits both alike: the
    medians of the ratios, in CPU time (steadier on a shared machine) and wall time. ``first``: the cold build
    just made of the fresh project, the first round's (at 1000x a build takes minutes)."""
    plain = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_config(project)), "-d", str(project / "plain")]
    runs: dict[str, list[dict]] = {"cold": [first], "plain_cold": [], "warm": [], "plain_warm": []}
    for round_ in range(pairs):
        if round_:
            shutil.rmtree(project / ".cache", ignore_errors=True)  # the cards' cache (the plugin's cache_dir)
            runs["cold"].append(build_run(OURS, project))
        for name, command in (("plain_cold", plain), ("warm", OURS), ("plain_warm", plain)):
            runs[name].append(build_run(command, project))
    ratio = lambda ours, key: round(  # noqa: E731
        statistics.median(o[key] / p[key] for o, p in zip(runs[ours], runs[f"plain_{ours}"])), 3
    )
    median = lambda name, key: round(statistics.median(run[key] for run in runs[name]), 2)  # noqa: E731
    return {
        "pairs": pairs,
        "cold_cpu": ratio("cold", "cpu"),
        "cold_wall": ratio("cold", "wall"),
        "warm_cpu": ratio("warm", "cpu"),
        "warm_wall": ratio("warm", "wall"),
        "cold_cpu_s": median("cold", "cpu"),
        "warm_cpu_s": median("warm", "cpu"),
        "plain_cpu_s": median("plain_cold", "cpu"),
        "peak_mib": round(max(run["peak_mib"] for name in ("cold", "warm") for run in runs[name])),
        "ok": all(run["ok"] for name in runs for run in runs[name]),
    }


def scale(factors: list[int], pairs: int) -> dict:
    """The whole build (generate + mkdocs build --strict, both editions) of synthetic data at each size, as a
    separate process: seconds, peak memory, the largest page; at 100x and 1000x, paired with plain Material's
    build of the same Markdown; then the search worker on the built site."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            data = synthetic_data(factor, Path(tmp) / f"data{factor}") if factor > 1 else ROOT / "data"
            project = copy_project(Path(tmp) / f"project{factor}", data=data)
            first = build_run(OURS, project)
            ratios = paired(project, pairs, first) if factor in PAIRED_FACTORS else None  # right after the first build
            pages = [page for page in (project / "site").rglob("index.html") if "assets" not in page.parts]
            largest = max(pages, key=lambda path: path.stat().st_size)
            row = {
                "factor": factor,
                "ok": first["ok"],
                "build_s": round(first["wall"], 2),
                "cpu_s": round(first["cpu"], 2),
                "peak_mib": round(first["peak_mib"]),
                "largest_page": largest.parent.relative_to(project / "site").as_posix() + "/",
                "largest_page_kb": round(largest.stat().st_size / 1000),
                "pages": len(pages),
                "search": worker_ready(project / "site", SCALE_QUERIES),
            }
            if ratios is not None:
                row["ratios"] = ratios
            row["search_default"] = default_search(project, Path(tmp) / f"default{factor}")
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)  # what a run stopped midway has measured
            shutil.rmtree(project)
    report: dict = {"rows": rows, "goals": scale_goals(rows)}
    by = {row["factor"]: row["build_s"] for row in rows}
    if 10 in by and 100 in by:
        report["exponent_10_100"] = round(math.log(by[100] / by[10]) / math.log(10), 2)
    return report


def scale_goals(rows: list[dict]) -> list[dict]:
    """Issue 26's scale goals, each with what was measured and whether it is met."""
    goals = []
    for row in rows:
        if "ratios" in row:
            r, n = row["ratios"], row["factor"]
            goals += [
                {
                    "goal": f"{n}×: whole build, no cards cached, ≤ 1.3× plain Material + i18n (CPU; wall beside)",
                    "measured": f"{r['cold_cpu']}× ({r['cold_wall']}×)",
                    "met": r["ok"] and r["cold_cpu"] <= 1.3,
                },
                {
                    "goal": f"{n}×: whole build, cards cached, ≤ 1.1× plain Material + i18n (CPU; wall beside)",
                    "measured": f"{r['warm_cpu']}× ({r['warm_wall']}×)",
                    "met": r["ok"] and r["warm_cpu"] <= 1.1,
                },
            ]
        if row["factor"] == 1000:
            peak = max(row["peak_mib"], row["ratios"]["peak_mib"] if "ratios" in row else 0)
            goals.append({"goal": "1000×: peak memory < 1 GB", "measured": f"{peak} MiB", "met": peak * 2**20 < 10**9})
        if row["factor"] == 100:
            query = row["search"]["query_ms_median"]
            goals.append({"goal": "100×: search query median < 100 ms", "measured": f"{query} ms", "met": query < 100})
    largest = max(rows, key=lambda row: row["largest_page_kb"])
    goals.append(
        {
            "goal": "no page's HTML over 250 kB (at every size measured)",
            "measured": f"{largest['largest_page_kb']} kB ({largest['factor']}×, {largest['largest_page']})",
            "met": largest["largest_page_kb"] <= 250,
        }
    )
    return goals


VALIDATE = "import sys; from pathlib import Path; from sitegen.pipeline import check_data; check_data(Path(sys.argv[1]))"


def hostile() -> dict:
    """Each resource bomb of the error tests (refused: one line), and whole validation of large valid data, each
    in a fresh process."""
    from helpers import bad_data

    bombs = ["billion-laughs", "article-device", "data-file-too-large", "article-too-large", "long-mixed-list", "deep-nesting"]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in bombs:
            data = Path(scratch) / name
            shutil.copytree(ROOT / "tests" / "synthetic" / "data", data)
            bad_data.CASES[name][0](data)
            run = build_run(
                [sys.executable, str(ROOT / "scripts" / "generate.py"), "--data", str(data), "--out", str(Path(scratch) / "out")]
            )
            rows.append(
                {
                    "input": name,
                    "seconds": round(run["wall"], 2),
                    "peak_rss_mib": round(run["peak_mib"]),
                    "refused": run["status"] == 1,
                }
            )
        # The largest file at 10x (files without lists do not grow): the factor that makes it 1 MB and 10 MB.
        tenfold = synthetic_data(10, Path(scratch) / "valid-10x")
        largest = max(path.stat().st_size for path in tenfold.glob("*.yml")) / 10
        for target_mb in (1, 10):
            factor = math.ceil(target_mb * 2**20 / largest)
            # Every file at that factor: the entries of one refer to those of others (a unit to its place).
            data = synthetic_data(factor, Path(scratch) / f"valid-{target_mb}")
            biggest = max(data.glob("*.yml"), key=lambda path: path.stat().st_size)
            size = biggest.stat().st_size
            run = build_run([sys.executable, "-c", VALIDATE, str(data)])
            rows.append(
                {
                    "input": f"valid data at {factor}x, its largest file {biggest.name} of {size / 2**20:.1f} MB",
                    "seconds": round(run["wall"], 2),
                    "peak_rss_mib": round(run["peak_mib"]),
                    "refused": not run["ok"],
                    "goal_s": 2 if target_mb == 1 else 20,
                }
            )
    return {"rows": rows, "goal": "bombs refused < 10 s and < 200 MB; 1 MB validated < 2 s, 10 MB < 20 s"}


def hostile_markdown(report: dict) -> str:
    lines = ["| input | seconds | peak memory (MiB) | outcome | met |", "|---|---|---|---|---|"]
    for row in report["rows"]:
        if "goal_s" in row:
            met = row["seconds"] < row["goal_s"] and not row["refused"]
            outcome = "refused (unexpected)" if row["refused"] else f"validated (goal < {row['goal_s']} s)"
        else:
            met = row["refused"] and row["seconds"] < 10 and row["peak_rss_mib"] < 200
            outcome = "refused in one line" if row["refused"] else "not refused"
        lines.append(f"| {row['input']} | {row['seconds']} | {row['peak_rss_mib']} | {outcome} | {'yes' if met else 'no'} |")
    return "\n".join(lines) + f"\n\nGoal: {report['goal']}.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: under two minutes")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a Markdown table")
    parser.add_argument("--save", action="store_true", help="keep the results in bench/results/ (a quick run in its own file)")
    parser.add_argument("--scale", action="store_true", help="only the scale section: whole builds and search at 1x, 10x, 100x")
    parser.add_argument("--full", action="store_true", help="with --scale: 1000x too (an hour or more)")
    parser.add_argument("--pairs", type=int, default=3, help="with --scale: paired rounds at 100x and 1000x (default 3)")
    parser.add_argument("--sizes", help="with --scale: the sizes to build, e.g. 1000 or 1,10,100 (default: 1,10,100[,1000])")
    parser.add_argument("--hostile", action="store_true", help="only hostile data: each refusal's time and memory; validation")
    parser.add_argument("--child-generate", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_generate:
        data, out, count = args.child_generate
        print(json.dumps(measure_generation(Path(data), Path(out), int(count))))
        return 0
    if args.scale:
        sizes = [int(size) for size in args.sizes.split(",")] if args.sizes else [1, 10, 100] + ([1000] if args.full else [])
        report = {"machine": machine(), "scale": scale(sizes, args.pairs)}
        if args.save:
            print(f"saved to {save_results('bench-scale', report, not args.full)}", file=sys.stderr)
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else scale_markdown(report["scale"]))
        return 0
    if args.hostile:
        report = {"machine": machine(), "hostile": hostile()}
        if args.save:
            print(f"saved to {save_results('bench-hostile', report, False)}", file=sys.stderr)
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else hostile_markdown(report["hostile"]))
        return 0
    rounds = 3 if args.quick else 7
    report = {
        "machine": machine(),
        "quick": args.quick,
        "build": build_overhead(rounds),
        "growth": growth(2 if args.quick else 5),
        "live_reload": live_reload(2 if args.quick else 5),
        "weight": weight(),
    }
    if args.save:
        print(f"saved to {save_results('bench', report, args.quick)}", file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
