"""Pastes a script into an interactive shell, as a user pastes a generated command into a terminal,
and prints what the shell wrote to its history file.

Usage: interactive_shell.py SHELL HISTFILE [bracketed|lines] < script
SHELL is `bash` (`bash --norc --noprofile -i`, history kept as bash keeps it by default), `zsh`
(macOS's /etc/zshrc: HISTFILE, HISTSIZE and SAVEHIST set, the file written on exit) or
`zsh-shared` (the same with SHARE_HISTORY, as Oh My Zsh sets it: each line written as it is
entered); zsh's options are otherwise its defaults (INTERACTIVE_COMMENTS off, as on macOS).
`bracketed` (the default) pastes as a terminal does when the shell asks for bracketed paste (bash
since 5.1 and zsh since 5.1 do): the whole script between ESC [200~ and ESC [201~, its line ends
as carriage returns, then Return; `lines` types it line by line (a terminal without bracketed
paste). Runs it on a pseudo-terminal with HISTFILE set (the environment is otherwise the
caller's: PATH for stand-in programs), then `echo history-after-marker` (recorded only if history
is on again) and `exit`, prints the history file, and writes what the terminal showed to stderr.
Exits 1 if the shell does not finish within 30 seconds.
"""

import os
import pty
import select
import sys
import tempfile
import time


def main():
    shell, histfile = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "bracketed"
    script = sys.stdin.read()
    env = dict(os.environ, HISTFILE=histfile, HISTSIZE="1000", HISTFILESIZE="1000", PS1="$ ")
    if shell == "bash":
        argv = ["bash", "--norc", "--noprofile", "-i"]
    else:
        zdotdir = tempfile.mkdtemp(prefix="cert-preflight-zsh-")
        with open(os.path.join(zdotdir, ".zshrc"), "w", encoding="utf-8") as f:
            f.write("HISTFILE=%s\nHISTSIZE=2000\nSAVEHIST=1000\nPS1='$ '\n" % histfile)
            if shell == "zsh-shared":
                f.write("setopt SHARE_HISTORY\n")
        env["ZDOTDIR"] = zdotdir
        argv = ["zsh", "-i"]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    shown = bytearray()
    deadline = time.time() + 30
    if mode == "bracketed":
        # The first prompt turns bracketed paste on.
        while b"\x1b[?2004h" not in shown and time.time() < deadline:
            drain(fd, 0.1, shown)
        text = script.replace("\r\n", "\n").replace("\n", "\r")
        os.write(fd, b"\x1b[200~" + text.encode("utf-8") + b"\x1b[201~")
        drain(fd, 0.2, shown)
        lines = ["\r"]
    else:
        lines = script.splitlines(keepends=True)
    for line in lines + ["echo history-after-marker\n", "exit\n"]:
        os.write(fd, line.encode("utf-8"))
        drain(fd, 0.05 if mode == "bracketed" else 0.01, shown)
    while time.time() < deadline:
        if not drain(fd, 0.2, shown):
            break
    done, _ = os.waitpid(pid, os.WNOHANG)
    while not done and time.time() < deadline:
        time.sleep(0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
    if not done:
        os.kill(pid, 9)
        sys.exit(1)
    sys.stderr.write(shown.decode("utf-8", errors="replace"))
    with open(histfile, encoding="utf-8", errors="replace") as f:
        sys.stdout.write(f.read())


def drain(fd, timeout, shown):
    """Reads what the shell printed into `shown` (so that it never blocks on a full terminal);
    False at its end."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    shown.extend(data)
    return bool(data)


if __name__ == "__main__":
    main()
