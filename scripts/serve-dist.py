#!/usr/bin/env python3
"""Serves a built page (dist/) on loopback with the headers its `_headers` file asks for.

`_headers` (written by scripts/write-sw.mjs at build time) uses the format Netlify and Cloudflare
Pages read: a path (`/*` for every path) on a line of its own, then indented `Name: value` lines.
This server is what scripts/serve.sh runs and what the end-to-end tests serve the page with, so
the headers a host would send (the page's Content-Security-Policy with frame-ancestors, the
service worker's own policy) are the ones tested. `_headers` itself is not served.

Usage: serve-dist.py [--bind ADDRESS] [--directory DIR] PORT
"""
import argparse
import functools
import http.server
import pathlib
import sys


def read_headers(path):
    """[(pattern, [(name, value)])] in file order; a missing file means no extra headers."""
    rules = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return rules
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern, path):
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def __init__(self, *args, rules, **kwargs):
        self.rules = rules
        super().__init__(*args, **kwargs)

    def send_head(self):
        if self.path.split("?", 1)[0] == "/_headers":
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if matches(pattern, path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--directory", "-d", default="dist")
    args = parser.parse_args(argv[1:])
    directory = pathlib.Path(args.directory)
    rules = read_headers(directory / "_headers")
    handler = functools.partial(Handler, directory=str(directory), rules=rules)
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
