#!/usr/bin/env python3
"""Opens a record in yaml-language-server (the server VS Code's YAML extension and others run)
and prints the diagnostics it publishes, one "line:col: message" a line, so a test can check
that the modeline `escalate init` writes loads offline (no "Unable to load schema") and that the
schema is applied (a bad enum value is reported).

Usage: yaml_ls_check.py SERVER_JS RECORD.yaml
Exit status: 0 diagnostics printed (maybe none), 2 the server did not answer in time."""
import json
import os
import subprocess
import sys
import time


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = 0
    while True:
        line = proc.stdout.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def main():
    server, record = sys.argv[1], os.path.abspath(sys.argv[2])
    uri = "file://" + record
    proc = subprocess.Popen(["node", server, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": os.getpid(), "rootUri": "file://" + os.path.dirname(record),
                           "capabilities": {}}})
    deadline = time.time() + 60
    while time.time() < deadline:
        msg = receive(proc)
        if msg is None:
            break
        if msg.get("id") == 1:
            break
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    # Validation on, no schema store (offline), no schema mapping: only the modeline.
    send(proc, {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
                "params": {"settings": {"yaml": {"validate": True, "schemaStore": {"enable": False}}}}})
    with open(record, encoding="utf-8") as f:
        text = f.read()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    status = 2
    while time.time() < deadline:
        msg = receive(proc)
        if msg is None:
            break
        if msg.get("method") == "workspace/configuration":  # the server asks for its settings
            items = msg["params"]["items"]
            send(proc, {"jsonrpc": "2.0", "id": msg["id"],
                        "result": [{"validate": True, "schemaStore": {"enable": False}} for _ in items]})
            continue
        if "id" in msg and "method" in msg:  # any other request from the server: an empty answer
            send(proc, {"jsonrpc": "2.0", "id": msg["id"], "result": None})
            continue
        if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            for d in msg["params"]["diagnostics"]:
                start = d["range"]["start"]
                print("%d:%d: %s" % (start["line"] + 1, start["character"] + 1, d["message"].replace("\n", " ")))
            status = 0
            break
    proc.kill()
    return status


if __name__ == "__main__":
    sys.exit(main())
