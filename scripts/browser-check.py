#!/usr/bin/env python3
"""Opens a clearcast HTML briefing in headless Chromium and checks it as a reader's browser would.

Drives Chromium through the DevTools protocol with a minimal WebSocket client from the standard
library (no `websockets` or selenium needed). The page is opened from file:// with the network
emulated offline and a dead proxy, and the check fails on:

- any request that leaves the page (anything but file: and data: URLs),
- any console error, uncaught exception or JavaScript dialog (an escaped `<script>` must not run),
- a map whose number of hazard areas is not --areas, fewer than --min-charts drawn SVG charts
  (each with a non-empty box and marks), a chart that draws another number of areas, series or
  rows than its figure's data-expect-count says, or a chart without role="img" and an accessible name,
- a sortable table that does not sort when its header is clicked (a real mouse click),
- a page that takes longer than --max-seconds from navigation to the load event,
- a --title that does not show literally as the page's h1.

It writes a 1280x800 screenshot (--screenshot) and, with --pdf, checks a printed PDF with pdfinfo
and pdftotext: at least --min-pages pages and every top-level heading present.

Usage: browser-check.py REPORT.html --areas 3014 (or --areas-from hazards.geojson) --min-charts 8 --screenshot out.png [--pdf report.pdf]
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


class WebSocket:
    """Just enough RFC 6455 for the DevTools protocol: text frames, client masking, fragmentation."""

    def __init__(self, url):
        assert url.startswith("ws://")
        host_port, _, path = url[5:].partition("/")
        host, _, port = host_port.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            response += chunk
        head, _, self.buffer = response.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("WebSocket handshake refused: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header.append(0x80 | 126)
            header += len(payload).to_bytes(2, "big")
        else:
            header.append(0x80 | 127)
            header += len(payload).to_bytes(8, "big")
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(self._read(2), "big")
            elif length == 127:
                length = int.from_bytes(self._read(8), "big")
            payload = self._read(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):  # ping/pong: not used by Chromium's DevTools server
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class DevTools:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def _send(self, method, params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        return self.next_id

    def _next(self):
        """The next message; a JavaScript dialog (which would block the page) is recorded and dismissed."""
        message = json.loads(self.ws.receive())
        if message.get("method") == "Page.javascriptDialogOpening":
            self._send("Page.handleJavaScriptDialog", {"accept": False})
        return message

    def call(self, method, **params):
        ident = self._send(method, params)
        while True:
            message = self._next()
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            message = self._next()
            if "method" in message:
                self.events.append(message)
        raise RuntimeError(f"timed out waiting for {method}")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")


PAGE_FACTS = r"""
(() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const svgs = Array.from(document.querySelectorAll("figure svg"));
  return {
    title: document.querySelector("h1").textContent,
    h2: Array.from(document.querySelectorAll("h2")).map(h => h.textContent),
    areas: document.querySelectorAll("svg.map path.hazard").length,
    mapBox: document.querySelector("svg.map") ? box(document.querySelector("svg.map")) : [0, 0],
    charts: svgs.map(svg => ({
      label: svg.getAttribute("aria-label") || "",
      role: svg.getAttribute("role"),
      title: (svg.querySelector("title") || {}).textContent || "",
      box: box(svg),
      marks: svg.querySelectorAll("rect, path, polyline, polygon, circle, line").length,
      expectSelector: svg.parentNode.getAttribute("data-expect-selector"),
      expectCount: parseInt(svg.parentNode.getAttribute("data-expect-count") || "-1", 10),
      found: svg.parentNode.getAttribute("data-expect-selector")
        ? Array.from(svg.querySelectorAll(svg.parentNode.getAttribute("data-expect-selector")))
            .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 || r.height > 0; }).length
        : -1,
    })),
    timing: performance.getEntriesByType("navigation").map(n => n.loadEventEnd)[0],
  };
})()
"""

RANK_COLUMN = r"""
(() => Array.from(document.querySelectorAll("table#ranked tbody tr")).map(r => parseFloat(r.cells[COLUMN].getAttribute("data-sort"))))()
"""

BUTTON_CENTRE = r"""
(() => { const b = document.querySelectorAll("table#ranked thead th button")[COLUMN];
  b.scrollIntoView({block: "center"}); const r = b.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2]; })()
"""


def click(tools, x, y):
    for kind in ("mousePressed", "mouseReleased"):
        tools.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report")
    areas = parser.add_mutually_exclusive_group(required=True)
    areas.add_argument("--areas", type=int, help="hazard areas the map must draw")
    areas.add_argument("--areas-from", help="a GeoJSON hazard layer: the map must draw one area per feature")
    parser.add_argument("--min-charts", type=int, required=True)
    parser.add_argument("--title", help="the h1 the page must show literally (e.g. a title holding markup)")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--pdf", help="a PDF printed from the report, to check with pdfinfo and pdftotext")
    parser.add_argument("--min-pages", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=2.0)
    parser.add_argument("--chromium", default=os.environ.get("CLEARCAST_CHROMIUM") or shutil.which("chromium")
                        or shutil.which("chromium-browser") or shutil.which("google-chrome"))
    args = parser.parse_args()
    if args.areas_from:
        with open(args.areas_from, encoding="utf-8") as handle:
            args.areas = len(json.load(handle)["features"])
    if not args.chromium:
        print("browser-check: no chromium found (apt-get install chromium, or set CLEARCAST_CHROMIUM)", file=sys.stderr)
        return 2
    failures = []

    def check(condition, message):
        print(("ok    " if condition else "FAIL  ") + message)
        if not condition:
            failures.append(message)

    profile = tempfile.mkdtemp(prefix="clearcast-browser-")
    browser = subprocess.Popen(
        [args.chromium, "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
         "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--window-size=1280,800", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.1)
        port = int(open(port_file).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t.get("type") == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        tools.call("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1, uploadThroughput=-1)
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=800, deviceScaleFactor=1, mobile=False)
        url = "file://" + os.path.abspath(args.report)
        started = time.time()
        tools.call("Page.navigate", url=url)
        tools.wait_for("Page.loadEventFired")
        wall = time.time() - started
        facts = tools.evaluate(PAGE_FACTS)
        seconds = (facts["timing"] or 0) / 1000
        check(seconds <= args.max_seconds, f"loaded in {seconds:.2f} s by the page's clock ({wall:.2f} s wall), limit {args.max_seconds} s")

        # Sort: the ranked table starts in rank order; a click on "Rank" keeps it ascending (already so),
        # a second click reverses it; a click on the "Mean score" header sorts by that column.
        headers = tools.evaluate('Array.from(document.querySelectorAll("table#ranked thead th")).map(h => h.textContent)')
        check(bool(headers), f"ranked table has sort buttons: {headers[:4] if headers else headers}")
        if headers:
            ranks = tools.evaluate(RANK_COLUMN.replace("COLUMN", "0"))
            check(ranks == sorted(ranks), "ranked table starts in rank order")
            for expected in ("ascending", "descending"):
                click(tools, *tools.evaluate(BUTTON_CENTRE.replace("COLUMN", "0")))
                ranks = tools.evaluate(RANK_COLUMN.replace("COLUMN", "0"))
                ordered = sorted(ranks, reverse=expected == "descending")
                check(ranks == ordered, f"click on Rank sorts {expected}: first {ranks[:3]}")
            score_column = headers.index("Mean score \u2195") if "Mean score \u2195" in headers else headers.index("Mean score")
            click(tools, *tools.evaluate(BUTTON_CENTRE.replace("COLUMN", str(score_column))))
            scores = tools.evaluate(RANK_COLUMN.replace("COLUMN", str(score_column)))
            check(scores == sorted(scores), f"click on Mean score sorts ascending: first {scores[:3]}")
        tools.evaluate("window.scrollTo(0, 0)")

        shot = tools.call("Page.captureScreenshot", format="png")
        with open(args.screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        check(os.path.getsize(args.screenshot) > 10_000, f"screenshot 1280x800 written to {args.screenshot}")

        # What happened while loading and clicking: requests, console errors, dialogs.
        leaving, errors = [], []
        for event in tools.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                request_url = params["request"]["url"]
                if not request_url.startswith(("file:", "data:")):
                    leaving.append(request_url)
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(json.dumps(params.get("args"))[:200])
            elif method == "Runtime.exceptionThrown":
                errors.append(json.dumps(params.get("exceptionDetails"))[:300])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", "")[:200])
            elif method == "Page.javascriptDialogOpening":
                errors.append("a dialog opened: " + params.get("message", ""))
        check(not leaving, f"no request leaves the page ({len(leaving)}: {leaving[:3]})")
        check(not errors, f"no console error, exception or dialog ({errors[:3]})")

        if args.title is not None:
            check(facts["title"] == args.title, f"the title shows literally: {facts['title']!r}")
        check(facts["areas"] == args.areas, f"map draws {facts['areas']} hazard areas (expected {args.areas})")
        check(min(facts["mapBox"]) > 300, f"map is on screen ({facts['mapBox'][0]:.0f}x{facts['mapBox'][1]:.0f} px)")
        charts = facts["charts"]
        drawn = [c for c in charts if min(c["box"]) > 50 and c["marks"] >= 3]
        check(len(drawn) >= args.min_charts and len(drawn) == len(charts),
              f"{len(drawn)} of {len(charts)} charts render with marks (at least {args.min_charts})")
        counted = [c for c in charts if c["expectSelector"]]
        wrong = [(c["title"], c["expectSelector"], c["found"], c["expectCount"]) for c in counted if c["found"] != c["expectCount"]]
        check(len(counted) >= 3 and not wrong,
              f"{len(counted)} charts draw the areas, series or rows their data has, each with a box on screen ({wrong[:3]})")
        unnamed = [c["title"] for c in charts if c["role"] != "img" or len(c["label"]) < 20 or not c["title"]]
        check(not unnamed, f"every chart has role img, an accessible name and a title ({unnamed[:3]})")
        tools.call("Browser.close")
    finally:
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)

    if args.pdf:
        info = subprocess.run(["pdfinfo", args.pdf], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        check(pages >= args.min_pages, f"PDF has {pages} pages (at least {args.min_pages})")
        text = subprocess.run(["pdftotext", "-layout", args.pdf, "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        missing = [h for h in facts["h2"] if " ".join(h.split()) not in flat]
        check(not missing, f"PDF holds every section heading ({len(facts['h2'])}; missing {missing})")

    print(f"{len(failures)} failure(s)" if failures else "browser check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
