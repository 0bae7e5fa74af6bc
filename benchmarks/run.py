"""``make bench``: every figure of the explorer beside the same figure of a bare Panel page.

One run measures, for the app (``--app``, default ``<repo>/app.py``) and for the floor
(``benchmarks/floor_app.py``), each figure ``--reps`` times, and reports median, min and max, and
the ratio of the app's median to the floor's: the machine is shared and noisy, so the ratio to a
floor measured minutes apart is the figure to compare between runs. Results go to
``benchmarks/results.json`` (and ``results-<label>.json``) and a table into BENCHMARKS.md, in a
section named by ``--label`` (other labels' sections are kept).

Run ``python -m benchmarks.run --help`` (or ``python benchmarks/run.py``) for the options;
``--quick`` is a short run for development. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):
    # Run as a script (e.g. from another checkout's directory): find this package without
    # putting its repository before the measured one on the import path.
    sys.path.append(str(HERE.parent))

from benchmarks import browser as chromium  # noqa: E402
from benchmarks.serve import (  # noqa: E402
    FLOOR_APP,
    HARNESS_REPO,
    Server,
    busiest_share,
    imported_from,
    split_args,
)
from benchmarks.sessions import Client, SessionResult, register_models  # noqa: E402

# Sessions a server keeps after their last connection closed (ms) and how often it checks:
# short, so closed sessions are gone before the next measurement (memory cycles, batches).
LIFETIME_ARGS = ["--unused-session-lifetime", "1000", "--check-unused-sessions", "500"]
EXPIRY_WAIT_S = 2.5


# -- statistics --------------------------------------------------------------------------------


def stats(samples: list[float]) -> dict:
    values = [v for v in samples if v is not None]
    if not values:
        return {"n": 0, "median": None, "min": None, "max": None, "samples": []}
    return {
        "n": len(values),
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "samples": values,
    }


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (``q`` in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# -- the run -----------------------------------------------------------------------------------


class Run:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.repo = Path(args.repo).resolve()
        self.app = Path(args.app).resolve() if args.app else self.repo / "app.py"
        self.serve_args = split_args(args.serve_args)
        self.apps = {"app": self.app, "floor": FLOOR_APP}
        self.raw: dict = {"app": {}, "floor": {}}
        self.errors: list[str] = []
        self.problems: dict[str, list[str]] = {"app": [], "floor": []}
        self.timings: dict[str, float] = {}
        self.load: dict[str, float] = {"start": os.getloadavg()[0]}
        self.checks: dict = {}

    def log(self, text: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)

    def part(self, name: str, function) -> None:
        """Run one part; an exception is recorded (and the run goes on), never hidden."""
        started = time.monotonic()
        self.log(f"{name} …")
        try:
            function()
        except Exception as error:  # noqa: BLE001
            self.errors.append(f"{name}: {type(error).__name__}: {error}")
            traceback.print_exc()
        self.timings[name] = time.monotonic() - started
        self.load[name] = os.getloadavg()[0]  # 1-min load average as the part ended
        self.log(f"{name} done in {self.timings[name]:.0f} s (load {self.load[name]:.2f})")

    def server(self, which: str, extra: list[str] | None = None) -> Server:
        args = list(self.serve_args)
        if which == "floor" and "--setup" in args:
            # The explorer's setup script warms the explorer: not the floor's to run.
            at = args.index("--setup")
            del args[at : at + 2]
        return Server(
            app=self.apps[which],
            repo=self.repo,
            extra_args=[*args, *(extra or [])],
            name=f"{self.args.label}-{which}",
            timeout=self.args.timeout,
        )

    def keep_problems(self, which: str, server: Server) -> None:
        found = server.problems()
        if found:
            self.problems[which].append(f"{server.log_path}: {len(found)} lines, e.g. {found[0]}")

    # -- checks ---------------------------------------------------------------------------------

    def preflight(self) -> None:
        """The server and this client must import ``ycsp_panel`` from the measured repo."""
        server_side = imported_from(self.repo)
        registered = register_models(explorer=True)
        client_side = registered.get("ycsp_panel", "")
        self.checks["ycsp_panel_server"] = server_side
        self.checks["ycsp_panel_client"] = client_side
        for side, path in (("server", server_side), ("client", client_side)):
            if not Path(path).resolve().is_relative_to(self.repo):
                raise SystemExit(
                    f"ycsp_panel is imported from {path} in the {side}, not {self.repo}"
                )
        self.log(f"ycsp_panel: server {server_side}, client {client_side}")

    # -- 5. cold start (and idle memory) ------------------------------------------------------

    def cold_start(self) -> None:
        for which in ("floor", "app"):
            self.raw[which]["cold"] = []
        for _ in range(self.args.reps):
            for which in ("floor", "app"):
                server = self.server(which)
                try:
                    self.raw[which]["cold"].append(server.start())
                finally:
                    server.stop()
                self.keep_problems(which, server)

    # -- 1 and 4. sessions without a browser, memory ---------------------------------------------

    def sessions(self, which: str) -> None:
        args = self.args
        server = self.server(which, LIFETIME_ARGS)
        out = self.raw[which]
        server.start()
        time.sleep(EXPIRY_WAIT_S)  # the session the first page built has gone
        timeout = max(args.timeout, 10.0 * max(args.sessions))
        try:
            with Client(server.ws_url, timeout=timeout) as client:
                spent: dict[int, float] = {}  # seconds spent on batches of N, per N
                shares: dict[int, list] = {}  # per N, the busiest process's share of each batch

                def batch(n: int) -> list[SessionResult]:
                    started = time.monotonic()
                    cpu = server.cpu_by_process()
                    results = client.open(n)
                    shares.setdefault(n, []).append(busiest_share(cpu, server.cpu_by_process()))
                    client.close_sessions()
                    spent[n] = spent.get(n, 0.0) + time.monotonic() - started
                    self.log(f"  {which}: {n} at once, {sum(r.ok for r in results)} ok")
                    time.sleep(EXPIRY_WAIT_S)
                    return results

                # Server time per session: one at a time.
                sequential = [batch(1)[0] for _ in range(args.reps)]
                out["sequential"] = [summary(r) for r in sequential]
                out["document_check"] = document_check(next((r for r in sequential if r.ok), None))

                # Memory: one session, then the rest up to M at once; closed; M-cycles.
                m = args.memory_sessions
                memory: dict = {"before_mib": server.rss_mib()}
                first = client.open(1)
                memory["first_mib"] = server.rss_mib()
                rest = client.open(m - 1)
                memory["all_open_mib"] = server.rss_mib()
                memory["per_session_mib"] = [
                    (memory["all_open_mib"] - memory["first_mib"]) / (m - 1)
                ]
                memory["errors"] = [r.error for r in first + rest if not r.ok]
                client.close_sessions()
                time.sleep(EXPIRY_WAIT_S)
                memory["closed_mib"] = server.rss_mib()
                batches: dict[int, list[dict]] = {n: [] for n in args.sessions if n > 1}
                memory["cycles"] = []
                for _ in range(args.memory_cycles):
                    before = server.rss_mib()
                    started = time.monotonic()
                    cpu = server.cpu_by_process()
                    results = client.open(m)
                    share = busiest_share(cpu, server.cpu_by_process())
                    opened = server.rss_mib()
                    client.close_sessions()
                    spent[m] = spent.get(m, 0.0) + time.monotonic() - started
                    time.sleep(EXPIRY_WAIT_S)
                    memory["cycles"].append(
                        {"before_mib": before, "open_mib": opened, "after_mib": server.rss_mib()}
                    )
                    memory["per_session_mib"].append((opened - before) / m)
                    memory["errors"] += [r.error for r in results if not r.ok]
                    if m in batches:
                        batches[m].append({**batch_summary(results), "busiest_share": share})
                out["memory"] = memory

                # N sessions at once: up to --reps batches each, none started once the batches
                # of that N (memory cycles included) took --batch-budget seconds; at least one.
                for n in batches:
                    while len(batches[n]) < args.reps and (
                        not batches[n] or spent.get(n, 0.0) < args.batch_budget
                    ):
                        results = batch(n)
                        batches[n].append(
                            {**batch_summary(results), "busiest_share": shares[n][-1]}
                        )
                out["batches"] = {str(n): b for n, b in batches.items()}
        finally:
            server.stop()
            self.keep_problems(which, server)

    # -- 2 and 3. Chromium ---------------------------------------------------------------------

    def in_browser(self, which: str) -> None:
        args = self.args
        column = chromium.MARKER_COLUMN["floor_app" if which == "floor" else "app"]
        changes = chromium.FLOOR_CHANGES if which == "floor" else chromium.EXPLORER_CHANGES
        server = self.server(which)
        out = self.raw[which]
        server.start()
        try:
            with chromium.Browser(quiet_ms=args.quiet_ms, server_cpu=server.cpu_s) as browser:
                self.checks["chromium"] = browser.version()
                out["interactive"] = chromium.interactive(browser, server.url, column, args.reps)
                out["changes_first"] = chromium.selector_changes(
                    browser, server.url, column, changes, args.reps, sections=False
                )
                if which == "app":
                    out["changes_all"] = chromium.selector_changes(
                        browser, server.url, column, changes, args.reps, sections=True
                    )
        finally:
            server.stop()
            self.keep_problems(which, server)

    # -- everything ----------------------------------------------------------------------------

    def run(self) -> dict:
        started = time.monotonic()
        self.part("preflight", self.preflight)
        self.part("cold start", self.cold_start)
        for which in ("floor", "app"):
            self.part(f"sessions {which}", lambda which=which: self.sessions(which))
        for which in ("floor", "app"):
            self.part(f"browser {which}", lambda which=which: self.in_browser(which))
        self.timings["total"] = time.monotonic() - started
        return self.results()

    def results(self) -> dict:
        figures = build_figures(self.raw, self.args)
        return {
            "label": self.args.label,
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "versions": versions(),
            "git": {"measured": git_info(self.repo), "harness": git_info(HARNESS_REPO)},
            "app": str(self.app),
            "floor": str(FLOOR_APP),
            "serve_args": self.serve_args,
            "sessions_serve_args": [*self.serve_args, *LIFETIME_ARGS],
            "options": {
                k: v for k, v in vars(self.args).items() if k not in ("serve_args", "label")
            },
            "checks": self.checks,
            "figures": figures,
            "errors": self.errors,
            "server_log_problems": self.problems,
            "runtime_s": self.timings,
            "loadavg_1min": self.load,
            "raw": self.raw,
        }


def summary(result: SessionResult) -> dict:
    return {
        "ok": result.ok,
        "ack_s": result.ack_s,
        "ready_s": result.ready_s,
        "bytes": result.bytes_received,
        "roots": len(result.roots()) if result.ok else 0,
        "error": result.error,
    }


def batch_summary(results: list[SessionResult]) -> dict:
    ready = [r.ready_s for r in results if r.ok]
    return {
        "n": len(results),
        "ok": len(ready),
        "errors": [r.error for r in results if not r.ok],
        "without_roots": sum(1 for r in results if r.ok and not r.roots()),
        "p50_s": percentile(ready, 50),
        "p95_s": percentile(ready, 95),
        "max_s": max(ready) if ready else None,
    }


def document_check(result: SessionResult | None) -> dict:
    """Deserialise one pulled document: proof the session is real and the models are known."""
    if result is None:
        return {"error": "no session succeeded"}
    try:
        document = result.document()
        return {
            "roots": len(document.roots),
            "models": len(document.models),
            "title": document.title,
        }
    except Exception as error:  # noqa: BLE001
        return {"error": f"{type(error).__name__}: {error}"}


# -- figures -----------------------------------------------------------------------------------


def build_figures(raw: dict, args) -> list[dict]:
    """Each figure: app and floor stats, and the ratio of the medians."""
    figures: list[dict] = []

    def add(key: str, title: str, unit: str, get) -> None:
        values = {}
        for which in ("app", "floor"):
            try:
                values[which] = stats(get(raw[which]))
            except (KeyError, TypeError, IndexError):
                values[which] = stats([])
        a, f = values["app"]["median"], values["floor"]["median"]
        ratio = a / f if a is not None and f not in (None, 0) else None
        figures.append({"key": key, "title": title, "unit": unit, **values, "ratio": ratio})

    add(
        "cold_start",
        "Cold start: spawn → first HTTP 200 on the app",
        "s",
        lambda r: [c["first_page_s"] for c in r["cold"]],
    )
    add(
        "idle_rss",
        "Server RSS idle after start",
        "MiB",
        lambda r: [c["idle_rss_mib"] for c in r["cold"]],
    )
    add(
        "session_ready",
        "One session: connect → document received",
        "s",
        lambda r: [s["ready_s"] for s in r["sequential"]],
    )
    add(
        "session_built",
        "One session: connect → ACK (session built)",
        "s",
        lambda r: [s["ack_s"] for s in r["sequential"]],
    )
    add(
        "session_bytes",
        "One session: bytes received",
        "KB",
        lambda r: [s["bytes"] / 1000 for s in r["sequential"] if s["ok"]],
    )
    for n in [n for n in args.sessions if n > 1]:
        for q in ("p50", "p95"):
            add(
                f"sessions_{n}_{q}",
                f"{n} sessions at once: {q} of ready",
                "s",
                lambda r, n=n, q=q: [b[f"{q}_s"] for b in r["batches"][str(n)]],
            )
        add(
            f"sessions_{n}_busiest",
            f"{n} sessions at once: the busiest server process's share of their CPU",
            "%",
            lambda r, n=n: [
                100 * b["busiest_share"]
                for b in r["batches"][str(n)]
                if b.get("busiest_share") is not None
            ],
        )
        add(
            f"sessions_{n}_errors",
            f"{n} sessions at once: failed sessions per batch",
            "",
            lambda r, n=n: [b["n"] - b["ok"] + b["without_roots"] for b in r["batches"][str(n)]],
        )
    m = args.memory_sessions
    add("rss_first", "Server RSS, one session open", "MiB", lambda r: [r["memory"]["first_mib"]])
    add(
        "rss_per_session",
        f"Server RSS per extra session ({m} open; each cycle)",
        "MiB",
        lambda r: r["memory"]["per_session_mib"],
    )
    add(
        "rss_after_cycles",
        f"Server RSS after {args.memory_cycles} cycles of {m} opened+closed",
        "MiB",
        lambda r: [r["memory"]["cycles"][-1]["after_mib"]],
    )
    add(
        "rss_growth_cycles",
        f"Server RSS growth over the {args.memory_cycles} cycles",
        "MiB",
        lambda r: [r["memory"]["cycles"][-1]["after_mib"] - r["memory"]["closed_mib"]],
    )
    add(
        "rss_growth_steady",
        f"Server RSS growth from the 1st to the last of the {args.memory_cycles} cycles' ends",
        "MiB",
        lambda r: [r["memory"]["cycles"][-1]["after_mib"] - r["memory"]["cycles"][0]["after_mib"]],
    )
    add(
        "interactive",
        "Chromium: navigation → map drawn (interactive)",
        "s",
        lambda r: r["interactive"]["samples"],
    )
    # The floor has one select: its changes stand beside every selector, in both phases.
    floor_select = raw["floor"].get("changes_first", {}).get("selectors", {}).get("select")
    if floor_select is not None:
        same = {"selectors": {c.name: floor_select for c in chromium.EXPLORER_CHANGES}}
        raw = {**raw, "floor": {**raw["floor"], "changes_first": same, "changes_all": same}}
    for phase, phase_title in (
        ("changes_first", "first section"),
        ("changes_all", "every section opened"),
    ):
        for change in chromium.EXPLORER_CHANGES:
            name = change.name
            add(
                f"{phase}_{name}",
                f"Change {name} → settled ({phase_title})",
                "s",
                lambda r, p=phase, n=name: r[p]["selectors"][n]["samples"],
            )
            add(
                f"{phase}_{name}_bytes",
                f"Change {name}: bytes received ({phase_title})",
                "KB",
                lambda r, p=phase, n=name: [b / 1000 for b in r[p]["selectors"][n]["bytes"]],
            )
    return figures


# -- where and with what -------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu,
        "mem_total_mib": int(mem) // 1024,
        "loadavg": os.getloadavg(),
        "platform": platform.platform(),
    }


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in (
        "panel",
        "bokeh",
        "holoviews",
        "geoviews",
        "hvplot",
        "param",
        "tornado",
        "playwright",
    ):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def git_info(repo: Path) -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=30
            ).stdout.strip()
        except OSError:
            return ""

    return {
        "dir": str(repo),
        "commit": git("rev-parse", "HEAD"),
        "describe": git("log", "-1", "--format=%h %s")[:100],
        "dirty_files": len(git("status", "--porcelain").splitlines()),
    }


# -- the markdown table ------------------------------------------------------------------------


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit in ("MiB", "KB"):
        return f"{value:.1f} {unit}" if abs(value) < 100 else f"{value:.0f} {unit}"
    if unit == "%":
        return f"{value:.0f} %"
    return f"{value:g}"


def cell(s: dict, unit: str) -> str:
    if not s["n"]:
        return "—"
    if s["n"] == 1:
        return f"{fmt(s['median'], unit)} (n=1)"
    return f"{fmt(s['median'], unit)} ({fmt(s['min'], unit)}–{fmt(s['max'], unit)}, n={s['n']})"


def markdown(results: dict) -> str:
    m, v, g = results["machine"], results["versions"], results["git"]["measured"]
    load = list(results.get("loadavg_1min", {"end": m["loadavg"][0]}).values())
    lines = [
        f"### {results['label']}",
        "",
        f"{results['date']} · commit `{g['commit'][:10]}` ({g['describe']}"
        f"{', ' + str(g['dirty_files']) + ' files modified' if g['dirty_files'] else ''}) · "
        f"{m['nproc']} cores ({m['cpu_model']}), {m['mem_total_mib']} MiB · "
        f"1-min load {min(load):.1f}–{max(load):.1f} during the run · "
        f"Python {v['python']}, panel {v['panel']}, "
        f"bokeh {v['bokeh']}, holoviews {v['holoviews']}, geoviews {v['geoviews']}, "
        f"Chromium {results['checks'].get('chromium', '?')} · serve args: "
        f"`{' '.join(results['serve_args']) or '(none)'}` · run took "
        f"{results['runtime_s'].get('total', 0) / 60:.1f} min"
        f"{' · --quick' if results['options'].get('quick') else ''}.",
        "",
        "| Figure | Explorer: median (min–max, n) | Floor: median (min–max, n) | Ratio |",
        "| --- | --- | --- | --- |",
    ]
    for f in results["figures"]:
        ratio = "—" if f["ratio"] is None else f"{f['ratio']:.1f}×"
        lines.append(
            f"| {f['title']} | {cell(f['app'], f['unit'])} | {cell(f['floor'], f['unit'])} "
            f"| {ratio} |"
        )
    notes = []
    if results["errors"]:
        notes += [f"- Error: {e}" for e in results["errors"]]
    for which, found in results["server_log_problems"].items():
        notes += [f"- Server log ({which}): {p}" for p in found]
    for which in ("app", "floor"):
        for phase in ("changes_first", "changes_all"):
            part = results["raw"][which].get(phase, {})
            notes += [f"- {which} {phase}: {e}" for e in part.get("errors", [])]
            for name, sel in part.get("selectors", {}).items():
                notes += [f"- {which} {phase} {name}: {e}" for e in sel["errors"]]
        for e in results["raw"][which].get("interactive", {}).get("errors", []):
            notes.append(f"- {which} interactive: {e}")
        check = results["raw"][which].get("document_check")
        if check:
            notes.append(f"- {which}: one pulled document deserialised: {check}")
    sections = results["raw"]["app"].get("changes_all", {}).get("sections")
    if sections:
        opened = ", ".join(f"{k} {fmt(v / 1000, 's')}" for k, v in sections.items() if v)
        notes.append(f"- Opening each section once (→ settled): {opened}.")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def write_section(path: Path, label: str, text: str) -> None:
    start, end = f"<!-- bench:{label}:start -->", f"<!-- bench:{label}:end -->"
    block = f"{start}\n{text}{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + block + after
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(current, encoding="utf-8")


# -- command line ------------------------------------------------------------------------------


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="latest", help="section of BENCHMARKS.md to write")
    parser.add_argument("--repo", default=str(HARNESS_REPO), help="checkout to measure")
    parser.add_argument("--app", default=None, help="app to serve (default <repo>/app.py)")
    parser.add_argument(
        "--serve-args",
        default=os.environ.get("SERVE_OPTS", ""),
        help="extra `panel serve` options (default: $SERVE_OPTS)",
    )
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each figure")
    parser.add_argument(
        "--sessions",
        default="1,10,20,50",
        type=lambda text: sorted({int(n) for n in text.split(",")}),
        help="numbers of sessions opened at once (comma-separated)",
    )
    parser.add_argument("--memory-sessions", type=int, default=20)
    parser.add_argument("--memory-cycles", type=int, default=3)
    parser.add_argument(
        "--batch-budget",
        type=float,
        default=90,
        help="no further batch of N sessions starts once batches of N took this long "
        "(at least one runs)",
    )
    parser.add_argument("--quiet-ms", type=float, default=500, help="settled after this silence")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per server start")
    parser.add_argument("--quick", action="store_true", help="short run for development")
    parser.add_argument("--out", default=str(HERE), help="directory for results*.json")
    parser.add_argument("--markdown", default=str(HARNESS_REPO / "BENCHMARKS.md"))
    args = parser.parse_args(argv)
    if args.quick:
        args.reps = 2
        args.sessions = [1, 5]
        args.memory_sessions = 5
        args.memory_cycles = 1
        args.batch_budget = 20
    args.memory_sessions = max(2, args.memory_sessions)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.repo and Path(args.repo).resolve() != HARNESS_REPO:
        sys.path.insert(0, str(Path(args.repo).resolve()))
    results = Run(args).run()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1, ensure_ascii=False, default=str)
    (out / "results.json").write_text(text, encoding="utf-8")
    if args.label != "latest":
        (out / f"results-{args.label}.json").write_text(text, encoding="utf-8")
    table = markdown(results)
    write_section(Path(args.markdown), args.label, table)
    print(table)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
