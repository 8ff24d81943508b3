"""Pastes a script into an interactive shell, as a user pastes a generated command into a terminal,
and prints what the shell wrote to its history file.

Usage: interactive_shell.py SHELL HISTFILE < script
SHELL is `bash` (`bash --norc --noprofile -i`, history kept as bash keeps it by default), `zsh`
(macOS's /etc/zshrc: HISTFILE, HISTSIZE and SAVEHIST set, the file written on exit) or
`zsh-shared` (the same with SHARE_HISTORY, as Oh My Zsh sets it: each line written as it is
entered). Runs it on a pseudo-terminal with HISTFILE set (the environment is otherwise the
caller's: PATH for stand-in programs), writes the script line by line, then `echo
history-after-marker` (recorded only if history is on again) and `exit`, and prints the history
file. Exits 1 if the shell does not finish within 30 seconds.
"""

import os
import pty
import select
import sys
import tempfile
import time


def main():
    shell, histfile = sys.argv[1], sys.argv[2]
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
    lines = script.splitlines(keepends=True) + ["echo history-after-marker\n", "exit\n"]
    deadline = time.time() + 30
    for line in lines:
        os.write(fd, line.encode("utf-8"))
        drain(fd, 0.01)
    while time.time() < deadline:
        if not drain(fd, 0.2):
            break
    done, _ = os.waitpid(pid, os.WNOHANG)
    while not done and time.time() < deadline:
        time.sleep(0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
    if not done:
        os.kill(pid, 9)
        sys.exit(1)
    with open(histfile, encoding="utf-8", errors="replace") as f:
        sys.stdout.write(f.read())


def drain(fd, timeout):
    """Reads what bash printed (so that it never blocks on a full terminal); False at its end."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        return bool(os.read(fd, 65536))
    except OSError:
        return False


if __name__ == "__main__":
    main()
