#!/usr/bin/env python3
"""Fill the placeholders of deploy/nginx.conf and print the result (or write --output).

Production (TLS terminated by nginx):

    python deploy/render_nginx.py --server-names "sundby.example sunnekommuner.example" \\
        --static-root /srv/samskab/var/static \\
        --tls /etc/letsencrypt/live/sundby.example > /etc/nginx/sites-enabled/samskab

The bench and tests/deploy render it the same way with a loopback port and no TLS.
"""

import argparse
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"


def render(
    *,
    listen: str = "443 ssl http2",
    server_names: str = "_",
    app: str = "127.0.0.1:8000",
    static_root: str = "/srv/samskab/var/static",
    cache_path: str = "/var/cache/nginx/samskab",
    tls: str | None = None,
) -> str:
    """The configuration text. ``app`` is one gunicorn address or several, separated by
    commas (several instances, nginx balances and retries). ``tls`` is a directory with
    fullchain.pem and privkey.pem (Let's Encrypt's layout); None for a plain-HTTP listener
    (loopback tests)."""
    tls_lines = ""
    if tls:
        tls_lines = (
            f"    ssl_certificate     {tls}/fullchain.pem;\n"
            f"    ssl_certificate_key {tls}/privkey.pem;\n"
        )
    values = {
        "LISTEN": listen,
        "SERVER_NAMES": server_names,
        "APP": "\n".join(
            f"    server {a.strip()} max_fails=1 fail_timeout=2s;"
            for a in app.split(",")
            if a.strip()
        ),
        "STATIC_ROOT": str(static_root).rstrip("/"),
        "CACHE_PATH": str(cache_path),
        "TLS": tls_lines,
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    if "@" in "".join(line.split("#")[0] for line in text.splitlines()):
        raise ValueError("a placeholder of deploy/nginx.conf was left unfilled")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="443 ssl http2")
    parser.add_argument("--server-names", default="_")
    parser.add_argument("--app", default="127.0.0.1:8000", help="gunicorn's address (several: a,b)")
    parser.add_argument("--static-root", default="/srv/samskab/var/static")
    parser.add_argument("--cache-path", default="/var/cache/nginx/samskab")
    parser.add_argument("--tls", help="directory with fullchain.pem and privkey.pem")
    parser.add_argument("--output", "-o")
    args = parser.parse_args()
    text = render(
        listen=args.listen,
        server_names=args.server_names,
        app=args.app,
        static_root=args.static_root,
        cache_path=args.cache_path,
        tls=args.tls,
    )
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
