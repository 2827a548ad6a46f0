"""python -m loadtest.smtp_sink PORT FILE: a real SMTP server (aiosmtpd) on loopback that
accepts every message and appends it to FILE, one JSON line each (when it arrived, the
recipients, the whole message). The fault drill stops and starts it (loadtest/faults.py).
"""

import json
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        line = json.dumps(
            {
                "at": time.time(),
                "to": list(envelope.rcpt_tos),
                "message": envelope.content.decode("utf-8", "replace"),
            }
        )
        with self.lock, open(self.path, "a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()
        return "250 Message accepted for delivery"


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Recorder(path), hostname="127.0.0.1", port=port)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_args: stopped.set())
    signal.signal(signal.SIGINT, lambda *_args: stopped.set())
    print(f"smtp sink on 127.0.0.1:{port}", flush=True)
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
