#!/usr/bin/env python3
"""Open/close cycles against `proplint lsp`: VmRSS, VmHWM and threads (docs/reliability.md).

Usage: lsp-open-close.py PROPLINT_BINARY CYCLES DOCUMENT_KB   (Linux: reads /proc)
"""
import json, os, subprocess, sys, time, threading

binary, cycles, size_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

responses = {}
cond = threading.Condition()
def reader():
    f = p.stdout
    while True:
        length = None
        while True:
            line = f.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        body = f.read(length)
        m = json.loads(body)
        if "id" in m and "method" not in m:
            with cond:
                responses[m["id"]] = m
                cond.notify_all()
threading.Thread(target=reader, daemon=True).start()

def request(i, method, params):
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    with cond:
        while i not in responses:
            cond.wait()
        return responses.pop(i)

def status():
    d = {}
    for line in open(f"/proc/{p.pid}/status"):
        k, v = line.split(":", 1)
        if k in ("VmRSS", "VmHWM", "Threads"):
            d[k] = v.strip()
    return d

request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
unit = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "proposal-en.txt")).read()
text = (unit * (size_kb * 1024 // len(unit) + 1))[: size_kb * 1024]
print("start", status(), flush=True)
rid = 10
step = max(cycles // 10, 1)
for c in range(1, cycles + 1):
    uri = "file:///tmp/m/doc%d.txt" % (c % 7)
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    if c % step == 0:
        rid += 1
        request(rid, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        print(c, status(), flush=True)
time.sleep(12)
rid += 1
request(rid, "textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}})
print("after 12 s idle", status(), flush=True)
request(rid + 1, "shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
p.wait(timeout=10)
