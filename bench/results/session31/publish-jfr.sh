#!/bin/bash
# Needs the checkout built (mvn -B package: target/signal-hub.war and the RAR); D= another checkout. Server on core 0, client on core 1.
# JFR=0: the same run without a recording (the first run in publish-cost-ingestbench.txt, whose profiler attach failed: no recording either).
set -u
D=${D:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}; mkdir -p /tmp/pc; PORT=9312
J=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar
S=$(mktemp -d /tmp/pc/p.XXXX); ln -s $D/target $S/target
(cd $S && SIGNALHUB_SIMULATOR_ENABLED=false exec taskset -c 0 java ${JOPTS:-} -jar $J --deploy $D/target/signal-hub.war --contextroot / --port $PORT --rootdir $S/runtime --prebootcommandfile $D/server-config/pre-boot-commands.asadmin --postbootcommandfile $D/server-config/post-boot-commands.asadmin --nohazelcast) > $S/log 2>&1 &
P=$!; echo "pid $P dir $S"
until grep -q 'ready in' $S/log; do sleep 1; kill -0 $P || exit 1; done
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$P/stat; }
IB="taskset -c 1 java $D/src/bench/java/IngestBench.java http://127.0.0.1:$PORT dev-publisher-secret-0001 dev-subscriber-secret-0001"
$IB ${WARM:-30000} 1 2>&1 | head -2
sleep 5
[ "${JFR:-1}" = 1 ] && jcmd $P JFR.start name=p settings=profile filename=$S/p.jfr >/dev/null
c0=$(cpu)
$IB 5000 1 2>&1 | head -2
c1=$(cpu)
[ "${JFR:-1}" = 1 ] && jcmd $P JFR.stop name=p >/dev/null
echo "server cpu over 5000 (+1 +replay): $(( (c1-c0)*1000/tck )) ms -> $(awk -v c=$((c1-c0)) -v tck=$tck 'BEGIN{printf "%.2f", c*1000/tck/5001}') ms/publish"
kill $P; wait $P
