"""Signal Hub client, as the integration guide writes it: connects with the Bearer header, prints
every signal, and asks for a test signal 2 s after connecting.

    sudo apt-get install python3-websocket        # Debian's websocket-client (or: pip install websocket-client)
    SIGNALHUB_TOKEN=dev-subscriber-secret-0001 python3 examples/python/signals.py

SIGNALHUB_URL defaults to the local run, ws://127.0.0.1:8080/. For wss:// with a private
certificate, set SIGNALHUB_CA to its PEM file. It stops at the first close, as the guide's example
does; reconnecting (1 s doubling to 30 s, resuming with ?since=<last seq>) is left to you.
"""
import json
import os
import sys
import threading
import time

import websocket


def on_open(ws):
    print("connected")

    def request_test():
        time.sleep(2)
        ws.send("test")
        print("requested test data")

    threading.Thread(target=request_test, daemon=True).start()


def on_message(ws, message):
    data = json.loads(message)
    if data.get("type") in ("buy", "sell"):
        content = data["content"]
        seq = f", seq {data['seq']}" if "seq" in data else ""
        test = " (test: do not trade)" if data.get("is_test") else ""
        print(f"{data['type']} {content['symbol']} at {content['price']}{seq}{test}")
    else:
        print(f"received: {data}")


def on_error(ws, error):
    print(f"error: {error}")


def on_close(ws, code, reason):
    print(f"closed: {code} {reason or ''}")


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # a line at a time, into a pipe or a log too
    url = os.environ.get("SIGNALHUB_URL", "ws://127.0.0.1:8080/")
    token = os.environ["SIGNALHUB_TOKEN"]
    ws = websocket.WebSocketApp(
        url,
        header=[f"Authorization: Bearer {token}"],
        on_open=on_open,
        on_message=on_message,
        on_error=on_error,
        on_close=on_close,
    )
    ca = os.environ.get("SIGNALHUB_CA")
    ws.run_forever(sslopt={"ca_certs": ca} if ca else None)
