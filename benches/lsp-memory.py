#!/usr/bin/env python3
"""Memory of `proplint lsp` on real documents: the shared corpus concatenated as exported and
repeated to 60 KB ... 4 MB, opened in a fresh server each; /proc/PID/status read when the
server is initialised (idle), after its first diagnostics, and after 100 keystrokes typed
across the document (each waited for: its diagnostics are published).

    benches/lsp-memory.py BINARY
"""
import subprocess, json, sys, time, os, select
BIN=sys.argv[1]
CORPUS=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','shared','corpus')
corpus=b"".join(open(os.path.join(CORPUS,f),'rb').read() for f in sorted(os.listdir(CORPUS)) if f[0].isdigit())
def rep(n):
    out=bytearray()
    while len(out)<n: out+=corpus
    return bytes(out[:out.rfind(b"\n",0,n)+1]).decode()
def frame(o):
    b=json.dumps(o).encode(); return b"Content-Length: %d\r\n\r\n"%len(b)+b
def status(pid):
    s=open(f"/proc/{pid}/status").read()
    g=lambda k: int(s.split(k+":")[1].split()[0])/1024
    return g("VmRSS"), g("VmHWM"), g("RssAnon")
def wait_for(p, method, t=60):
    """Reads the server's output until `method` (any bytes) appears in it."""
    buf=b""; end=time.time()+t
    os.set_blocking(p.stdout.fileno(), False)
    while time.time()<end:
        r,_,_=select.select([p.stdout],[],[],0.05)
        if r:
            d=p.stdout.read()
            if d: buf+=d
        if method.encode() in buf: return True
    return False
print("size      idle RSS  after open RSS  HWM    RssAnon  after edits RSS  HWM  (MiB)")
for size in [60_000, 250_000, 1_000_000, 2_000_000, 4_000_000]:
    p=subprocess.Popen([BIN,"lsp"],stdin=subprocess.PIPE,stdout=subprocess.PIPE,stderr=subprocess.DEVNULL)
    p.stdin.write(frame({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":None,"capabilities":{},"initializationOptions":{"debounceMs":0}}})); p.stdin.flush()
    wait_for(p,'"id":1'); p.stdin.write(frame({"jsonrpc":"2.0","method":"initialized","params":{}})); p.stdin.flush(); time.sleep(0.3)
    idle=status(p.pid)
    p.stdin.write(frame({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///doc.txt","languageId":"plaintext","version":1,"text":rep(size)}}})); p.stdin.flush()
    ok=wait_for(p,"publishDiagnostics"); time.sleep(0.5)
    after=status(p.pid)
    lines=rep(size).count("\n")
    for v in range(2,102):
        line=(v*7919)%lines
        p.stdin.write(frame({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///doc.txt","version":v},"contentChanges":[{"range":{"start":{"line":line,"character":0},"end":{"line":line,"character":0}},"text":"x"}]}})); p.stdin.flush()
        ok=wait_for(p,f'"version":{v}}}') and ok
    time.sleep(0.5)
    edited=status(p.pid)
    print(f"{size/1e6:5.2f} MB  {idle[0]:6.1f}   {after[0]:6.1f}        {after[1]:6.1f}  {after[2]:6.1f}   {edited[0]:6.1f}           {edited[1]:6.1f}  ({'published' if ok else 'no diagnostics'}); idle RssAnon {idle[2]:.1f}")
    p.kill(); p.wait()
