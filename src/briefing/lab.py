"""``make lab``: JupyterLab on ``notebooks/`` for any user, on this machine only, its URL printed first.

- As root (most containers, these machines) JupyterLab refuses to start without ``--allow-root``.
- It listens on 127.0.0.1 only: the token is the only key, and nobody else on the network gets a try.
- The URL with its token is printed before JupyterLab starts; the token travels in the environment
  (``JUPYTER_TOKEN``), not on the command line where ``ps`` would show it to other users.
- Kernels talk to the server over encrypted sockets (CurveZMQ) when the installed pyzmq supports it,
  else over Unix sockets: either way ipykernel has no reason to warn "Kernel is running over TCP
  without encryption" each time a notebook starts; nor does the server about its websocket pings.
- No browser is opened where there is no display (a container, an ssh session): open the URL yourself.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

from briefing.config import NOTEBOOKS_DIR

HOST = "127.0.0.1"
DEFAULT_PORT = 8888


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def has_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether a browser can open here: always on macOS and Windows, with X11 or Wayland on Linux."""
    return not platform.startswith("linux") or bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def curve_available() -> bool:
    try:
        import zmq
    except ImportError:  # pragma: no cover - jupyterlab depends on pyzmq
        return False
    return bool(zmq.has("curve"))


def free_port(preferred: int = DEFAULT_PORT, host: str = HOST) -> int:
    """``preferred`` when nothing listens there, else any free port."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return int(s.getsockname()[1])
    raise OSError(f"no free port on {host}")


def command(
    notebook_dir: Path,
    port: int,
    *,
    root: bool,
    open_browser: bool,
    encrypt: bool,
    python: str = sys.executable,
) -> list[str]:
    """The JupyterLab command line (without the token, which goes in the environment)."""
    cmd = [
        python,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebook_dir}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the printed URL must stay right
        # a kernel's websocket: tornado 6.5 warns when the timeout (jupyter_server: 90 s) exceeds the
        # 30 s ping interval, once per notebook opened
        "--ServerApp.tornado_settings=ws_ping_timeout=30000",
    ]
    if root:
        cmd.append("--allow-root")
    if not open_browser:
        cmd.append("--no-browser")
    cmd.append("--KernelManager.transport_encryption=auto" if encrypt else "--KernelManager.transport=ipc")
    return cmd


def url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/lab?token={token}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m briefing.lab", description="Open JupyterLab on the notebooks."
    )
    p.add_argument("--dir", type=Path, default=NOTEBOOKS_DIR, help="folder to open (default: notebooks/)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="preferred port (default: 8888)")
    p.add_argument("--dry-run", action="store_true", help="print the command line instead of running it")
    args = p.parse_args(argv)
    port = free_port(args.port)
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    cmd = command(
        args.dir.resolve(), port, root=is_root(), open_browser=has_display(), encrypt=curve_available()
    )
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    print(f"JupyterLab on {args.dir}/ (Ctrl-C to stop). Open:\n\n    {url(port, token)}\n", flush=True)
    os.execve(cmd[0], cmd, {**os.environ, "JUPYTER_TOKEN": token})
    return 0  # pragma: no cover - execve does not return


if __name__ == "__main__":
    sys.exit(main())
