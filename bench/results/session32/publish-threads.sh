#!/bin/bash
# Needs the checkout built (mvn -B package); D= another checkout. Server on core 0; run the script on core 1
# (taskset -c 1). Server CPU per publish by thread group (from /proc/<pid>/task), in three phases:
# cold (300 curl publishes at 10/s), fast (5,000 back to back), warm (300 at 10/s).
# JOPTS= the server's JVM flags (threads1: none; threads2/3: -Xms1g -Xmn128m, threads3 with
# -XX:+PrintCompilation). COMP=1: jstat -compiler and the code cache around the warm phase, and the
# compilations logged during it (needs -XX:+PrintCompilation in JOPTS) kept in $S/warm.comp.
set -u
D=${D:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}; mkdir -p /tmp/pc; PORT=${PORT:-9313}
J=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar
S=$(mktemp -d /tmp/pc/t.XXXX); ln -s $D/target $S/target
(cd $S && SIGNALHUB_SIMULATOR_ENABLED=false exec taskset -c 0 java ${JOPTS:-} -jar $J --deploy $D/target/signal-hub.war --contextroot / --port $PORT --rootdir $S/runtime --prebootcommandfile $D/server-config/pre-boot-commands.asadmin --postbootcommandfile $D/server-config/post-boot-commands.asadmin --nohazelcast) > $S/log 2>&1 &
P=$!; echo "pid $P dir $S"
until grep -q 'ready in' $S/log; do sleep 1; kill -0 $P || exit 1; done
snap() { for t in /proc/$P/task/*; do n=$(tr -d '\n' < $t/comm | sed 's/[0-9]\+/N/g; s/ /_/g'); awk -v n="$n" '{print n, $14+$15}' $t/stat 2>/dev/null; done | awk '{s[$1]+=$2} END{for(k in s) print k, s[k]}' | sort; }
pub() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Authorization: Bearer dev-publisher-secret-0001' -H 'Content-Type: application/json' --data "{\"type\":\"buy\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":$1,\"timestamp\":$(date +%s)},\"is_test\":false}" http://127.0.0.1:$PORT/api/signals; }
phase() { # name count interval
  snap > $S/$1.a
  for i in $(seq 1 $2); do pub $((RANDOM+1)) >/dev/null; [ "$3" != 0 ] && sleep $3; done
  snap > $S/$1.b
  echo "== $1 ($2 publishes): server CPU ms per publish by thread group (top)"
  join -a2 -e0 -o 0,1.2,2.2 $S/$1.a $S/$1.b | awk -v n=$2 -v tck=$(getconf CLK_TCK) '{d=($3-$2)*1000/tck; if(d>0){t+=d; printf "%-45s %8.2f\n",$1,d/n}} END{printf "%-45s %8.2f\n","TOTAL",t/n}' | sort -k2 -rn | head -12
}
sleep 20
phase cold 300 0.1
phase fast 5000 0
if [ "${COMP:-0}" = 1 ]; then
  jstat -compiler $P; jcmd $P Compiler.codecache | head -8; wc -l < $S/log > $S/mark
  phase warm 300 0.1
  jstat -compiler $P; jcmd $P Compiler.codecache | head -8; tail -n +$(cat $S/mark) $S/log > $S/warm.comp
else
  phase warm 300 0.1
fi
kill $P; wait $P
