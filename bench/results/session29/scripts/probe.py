import socket, sys, time, threading, http.client, json
port=int(sys.argv[1]); n=int(sys.argv[2]); out=sys.argv[3]
res={"publish":[], "probes":[]}; lock=threading.Lock()
def publish(i):
    t=time.time()
    try:
        c=http.client.HTTPConnection('127.0.0.1',port,timeout=90)
        c.request('POST','/api/signals','{"type":"buy","content":{"symbol":"STALL","price":%d},"is_test":false}'%(i+1),
                  {'Authorization':'Bearer dev-publisher-secret-0001','Content-Type':'application/json'})
        r=c.getresponse(); r.read(); st=r.status
    except Exception as e: st=type(e).__name__
    with lock: res["publish"].append((st, round(time.time()-t,3)))
def upgrade():
    t=time.time()
    s=socket.create_connection(('127.0.0.1',port),timeout=60)
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer dev-subscriber-secret-0001\r\n\r\n")
    try: line=s.recv(64).split(b"\r\n")[0].decode()
    except Exception as e: line=type(e).__name__
    s.close(); return line, round(time.time()-t,3)
def live():
    t=time.time()
    try:
        c=http.client.HTTPConnection('127.0.0.1',port,timeout=60); c.request('GET','/health/live'); r=c.getresponse(); r.read(); st=r.status
    except Exception as e: st=type(e).__name__
    return st, round(time.time()-t,3)
ts=[threading.Thread(target=publish,args=(i,)) for i in range(n)]
[t.start() for t in ts]
time.sleep(2)
for k in range(3):
    u=upgrade(); l=live(); res["probes"].append({"at_s":2+k*2,"upgrade":u,"live":l}); print(res["probes"][-1], flush=True); time.sleep(1)
[t.join() for t in ts]
sts={}
for st,d in res["publish"]: sts[str(st)]=sts.get(str(st),0)+1
res["publish_status"]=sts; res["publish_max_s"]=max(d for st,d in res["publish"])
json.dump(res,open(out,'w')); print(sts, res["publish_max_s"])
