#!/usr/bin/env python3
"""OCR benchmark (not a test): reads every scanned-corpus PDF and its born-digital original with
`extract --blocks`, and prints per case the pages, seconds, pages/s, the peak resident memory of
jixiao and of its OCR worker, and the character accuracy of the recognised table cells against the
original's (1 - edit distance / characters, cell by cell where both tables have the cell), and the
share of the born-digital report's fields (header, funds, indicators, items, total: the leaves of
expected.json but its findings) the scan's report gives equal, with the fields that differ.

    mvn -q -B package -DskipTests && python3 bench/ocr-bench.py [--jar target/jixiao.jar]
"""
import difflib, json, os, subprocess, sys, threading, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jar = sys.argv[sys.argv.index("--jar") + 1] if "--jar" in sys.argv else os.path.join(root, "target", "jixiao.jar")
scanned = os.path.join(root, "corpus", "scanned")


def tables(pdf):
    out = subprocess.run(["java", "-jar", jar, "extract", "--blocks", pdf], capture_output=True, text=True).stdout
    cells = []
    for line in out.splitlines():
        block = json.loads(line)
        if "table" in block:
            cells.append(block["table"])
    return cells


def peak_rss(proc, peaks):
    """Polls the resident memory of jixiao and of its OCR worker (a child JVM) until jixiao ends."""
    while proc.poll() is None:
        for pid in [proc.pid] + children(proc.pid):
            try:
                with open("/proc/%d/status" % pid) as f:
                    for l in f:
                        if l.startswith("VmRSS:"):
                            kind = "worker" if pid != proc.pid else "jixiao"
                            peaks[kind] = max(peaks.get(kind, 0), int(l.split()[1]) // 1024)
            except OSError:
                pass
        time.sleep(0.05)


def children(pid):
    """Child processes of any thread of pid (the OCR worker is started by a pipeline thread)."""
    found = []
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


CONTRACT = ["kind", "year", "region", "regionCode", "title", "project", "funds", "indicators", "budgetItems", "totalScore"]


def leaves(node, path, out):
    if isinstance(node, dict):
        for k, v in node.items():
            leaves(v, path + "/" + k, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            leaves(v, path + "/" + str(i), out)
    else:
        out[path] = node


def same(want, got):
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and abs(want - got) < 1e-9
    return want == got


def fields(pdf, expected):
    """Share of the expected report's leaves the scan's report gives equal, and those it does not."""
    out = subprocess.run(["java", "-jar", jar, "extract", pdf], capture_output=True, text=True).stdout
    report = json.loads(out)
    want, got = {}, {}
    for key in CONTRACT:
        if key in expected:
            leaves(expected[key], "/" + key, want)
            leaves(report.get(key), "/" + key, got)
    differing = ["%s: %s instead of %s" % (k, json.dumps(got.get(k), ensure_ascii=False), json.dumps(v, ensure_ascii=False))
                 for k, v in want.items() if not same(v, got.get(k))]
    return 1 - len(differing) / max(1, len(want)), differing


def distance(a, b):
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in m.get_opcodes() if op != "equal")


total_pages = total_seconds = total_chars = total_errors = 0
print("%-26s %5s %7s %7s %9s %9s %9s %7s" % ("case", "pages", "s", "pages/s", "jixiao MB", "worker MB", "cell acc", "fields"))
notes = []
for case in sorted(os.listdir(scanned)):
    pdf = os.path.join(scanned, case, case + ".pdf")
    if not os.path.exists(pdf):
        continue
    original = json.load(open(os.path.join(scanned, case, "expected.json"), encoding="utf-8"))
    pages = sum(1 for f in original["findings"] if f["code"] == "OCR_PAGE")
    peaks = {}
    started = time.time()
    proc = subprocess.Popen(["java", "-jar", jar, "extract", "--blocks", pdf], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    watcher = threading.Thread(target=peak_rss, args=(proc, peaks))
    watcher.start()
    out, _ = proc.communicate()
    watcher.join()
    seconds = time.time() - started
    got = [json.loads(l)["table"] for l in out.splitlines() if '"table"' in l]
    src = original["scannedFrom"]
    want = tables(os.path.join(root, "corpus", src, src + ".pdf"))
    chars = errors = 0
    for t, table in enumerate(want):
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if not cell:
                    continue
                read = got[t][r][c] if t < len(got) and r < len(got[t]) and c < len(got[t][r]) else ""
                chars += len(cell)
                errors += min(len(cell), distance(cell, read.replace(" ", "")))
    total_pages += pages
    total_seconds += seconds
    total_chars += chars
    total_errors += errors
    share, differing = fields(pdf, original)
    notes += ["  %s %s" % (case, d) for d in differing]
    print("%-26s %5d %7.1f %7.2f %9d %9d %9.3f %7.3f" % (case, pages, seconds, pages / seconds, peaks.get("jixiao", 0),
                                                      peaks.get("worker", 0), 1 - errors / max(1, chars), share))
print("%-26s %5d %7.1f %7.2f %9s %9s %9.3f" % ("all", total_pages, total_seconds, total_pages / total_seconds, "", "",
                                             1 - total_errors / max(1, total_chars)))
if notes:
    print("fields that differ from the born-digital original:")
    print("\n".join(notes))
