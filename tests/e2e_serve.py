#!/usr/bin/env python3
"""`roadmap serve`: serves on loopback, rebuilds on save, shows errors, refuses paths out of the site.

The server is started on a free loopback port with TMPDIR pointing into a test
folder (so its build folder can be inspected) and is always stopped by the test."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,F403
import signal
import socket
import time

TIMEOUT = 90  # seconds; the machine may be busy


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_get(port, path):
    """GET with the path sent exactly as given (urllib and curl would normalise "..")."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(("GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" % path).encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    return status, body.decode("utf-8", "replace")


def get(port, path):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def poll(what, fn):
    end = time.time() + TIMEOUT
    while time.time() < end:
        r = fn()
        if r:
            return r
        time.sleep(0.3)
    return None


class Server:
    def __init__(self, site, *extra, cwd=ROOT):
        self.tmp = tmpdir()
        self.log = open(os.path.join(self.tmp, "stderr.txt"), "w+", encoding="utf-8")
        env = dict(os.environ, TMPDIR=self.tmp)
        args = [ROADMAP, "serve", "--port", str(free_port()), "--today", TODAY, *extra]
        if site:
            args[2:2] = ["-C", site]
        self.p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.port = None

    def stderr(self):
        self.log.flush()
        return read(self.log.name)

    def started(self):
        def port():
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", self.stderr())
            return int(m.group(1)) if m else (self.p.poll() is not None and -1)
        self.port = poll("start", port)
        return self.port and self.port > 0

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.log.close()
        return self.p.returncode


def test_serve():
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    srv = Server(site)
    try:
        check(srv.started(), "serve starts and prints its address: " + srv.stderr())
        if not srv.port or srv.port < 0:
            return
        status, page = get(srv.port, "/")
        check(status == 200 and "Тестовый сайт" in page, "serve answers with the home page")
        check("/__roadmap/wait" in page, "served HTML carries the reload script")
        status, css = get(srv.port, "/assets/style.css")
        check(status == 200 and "__roadmap" not in css, "assets are served as they are")
        status, _ = get(srv.port, "/schools/s-1/")
        check(status == 200, "school page is served")
        status, _ = get(srv.port, "/no-such-page/")
        check(status == 404, "missing page gives 404")
        # Paths out of the site: "..", encoded "..", a symlink pointing out.
        for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                     "/schools/..%2f..%2f..%2fetc/passwd", "/./index.html"):
            status, body = raw_get(srv.port, path)
            check(status in (400, 403, 404) and "root:" not in body, "refused %s (got %d)" % (path, status))
        outs = [d for d in os.listdir(srv.tmp) if d.startswith("roadmap-serve-")]
        check(len(outs) == 1, "serve builds into its own folder under TMPDIR: %s" % outs)
        served = os.path.join(srv.tmp, outs[0], "site") if outs else None
        if served and os.path.isdir(served):
            os.symlink("/etc/passwd", os.path.join(served, "leak.txt"))
            status, body = raw_get(srv.port, "/leak.txt")
            check(status == 403 and "root:" not in body, "symlink out of the site refused (got %d)" % status)
        # Long poll answers with the build number as soon as it differs.
        status, gen = get(srv.port, "/__roadmap/wait?v=999999")
        check(status == 200 and gen.strip().isdigit(), "reload endpoint answers with the build number: " + gen)
        # Save a change: the page is rebuilt within seconds.
        yml = os.path.join(site, "site.yaml")
        src = read(yml)
        with open(yml, "w", encoding="utf-8") as f:
            f.write(src.replace("title: Тестовый сайт", "title: Изменённый сайт"))
        ok = poll("rebuild", lambda: "Изменённый сайт" in get(srv.port, "/")[1])
        check(ok, "page rebuilt after a save: " + srv.stderr()[-1500:])
        # A new file in a new folder is seen too (recursive watches, new folders).
        os.makedirs(os.path.join(site, "pages"), exist_ok=True)
        with open(os.path.join(site, "pages", "novaya.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: Новая страница\n---\nТекст.\n")
        ok = poll("new page", lambda: get(srv.port, "/novaya/")[0] == 200)
        check(ok, "a new page appears after it is saved")
        # Broken content: the errors, escaped, instead of the site.
        with open(yml, "w", encoding="utf-8") as f:
            f.write(src + "bogus_<b>field</b>: 1\n")
        ok = poll("errors", lambda: (lambda r: r[0] == 500 and "Сайт не собран" in r[1] and r[1])(get(srv.port, "/")))
        check(bool(ok), "broken content shows the errors page")
        if ok:
            check(re.search(r"site\.yaml:\d+:\d+: error: ", ok) is not None, "errors page lists file:line:col: error lines")
            check("<b>field" not in ok and "&lt;b&gt;field" in ok, "errors page escapes the content's text")
            check("/__roadmap/wait" in ok, "errors page reloads itself too")
        status, _ = get(srv.port, "/assets/style.css")
        check(status == 200, "assets of the last good build still served while content is broken")
        with open(yml, "w", encoding="utf-8") as f:
            f.write(src)
        ok = poll("fixed", lambda: get(srv.port, "/")[0] == 200)
        check(ok, "site comes back when the errors are fixed")
        check(srv.p.poll() is None, "server still running")
    finally:
        rc = srv.stop()
    check(rc == 0, "serve stops cleanly on SIGTERM (rc %s)" % rc)
    check(not [d for d in os.listdir(srv.tmp) if d.startswith("roadmap-serve-")], "serve removes its folder on exit")
    check(not os.path.exists(os.path.join(site, "output")), "serve writes nothing into the content folder")


def test_serve_default_content_and_theme():
    """`roadmap serve` inside a content folder, from a folder without themes/: finds both."""
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    srv = Server(None, cwd=site)
    try:
        check(srv.started(), "serve inside the content folder starts: " + srv.stderr())
        if srv.port and srv.port > 0:
            status, page = get(srv.port, "/")
            check(status == 200 and "Тестовый сайт" in page, "serve inside the content folder serves it")
    finally:
        srv.stop()


def test_built_site_has_no_reload_script():
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(os.path.join(SITES, "minimal"), out)
    check(rc == 0, "minimal builds: " + err)
    for p in html_files(out):
        if "__roadmap" in read(p):
            check(False, "built page carries the serve script: " + p)
            break


if __name__ == "__main__":
    main((test_serve, test_serve_default_content_and_theme, test_built_site_has_no_reload_script))
    finish("e2e_serve")
