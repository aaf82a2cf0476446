#!/usr/bin/env bash
# Records the transcripts in transcripts/ again, from real runs of ddx on real targets: the
# native scenarios compiled with gcc and run under gdb, the Python scenarios under the pdb
# driver, saved debugger output from ../shared/fixtures, and the OpenAI-compatible conversation
# against a MockWebServer fake. Run from anywhere; it works in the project directory. Needs a
# JDK 17+, Maven (offline is fine), gcc, gdb and python3.
#
#   tools/record-transcripts.sh            # every transcript
#   tools/record-transcripts.sh NAME...    # only these (names as in transcripts/, without .jsonl)
#
# Paths are recorded relative to the project (the directory itself is written as <project>), so
# `ddx replay --live` can rebuild each target from the scenario source named in the header.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -o -q test-compile
cp_file=target/record-classpath.txt
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
CP="target/classes:$(cat "$cp_file")"
TEST_CP="target/test-classes:$CP"
ddx() { java -cp "$CP" -Dddx.pdb.stdio=discard dev.ddx.cli.Ddx "$@"; }

native=src/test/resources/scenarios/native
python=src/test/resources/scenarios/python
fixtures=../shared/fixtures
bin=target/transcript-scenarios
mkdir -p "$bin" transcripts

build() { gcc -g -O0 -pthread -o "$bin/$1" "$native/$1.c"; }

selected=("$@")
want() {
  [ ${#selected[@]} -eq 0 ] && return 0
  for n in "${selected[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}

record() { # NAME ddx-arguments...
  local name=$1; shift
  want "$name" || return 0
  echo "== $name"
  local command=$1; shift
  ddx "$command" --transcript "transcripts/$name.jsonl" "$@" >/dev/null || echo "   (ddx exited $?)"
}

# native programs under gdb: crash, deadlock, wait chain
build null_deref; build deadlock; build wait_chain
record native-crash summarize --run --scenario "$native/null_deref.c" -- "$bin/null_deref"
record native-deadlock summarize --run --hang-after 3 --scenario "$native/deadlock.c" -- "$bin/deadlock"
record wait-chain summarize --run --hang-after 3 --scenario "$native/wait_chain.c" -- "$bin/wait_chain"

# Python programs under the pdb driver
record python-nested-exception summarize --python "$python/chained_exceptions.py"
record python-deadlock summarize --python "$python/rlock_deadlock.py" --hang-after 3
record memory-leak summarize --python "$python/growing_cache.py" --observe 3
record spiking-thread summarize --python "$python/spinning_thread.py" --observe 3

# saved debugger output
record jstack-deadlock summarize --dump "$fixtures/java-dumps/deadlock.txt"
record cdb-deadlock summarize --dump "$fixtures/cdb/deadlock_session.txt"

# a log incident, asked about in a conversation (the log file is read again on replay)
record log-incident chat --log "$fixtures/loghub/Hadoop/Hadoop_2k.log" \
  --ask "what errors are in the logs?" --ask "search the logs for NoRouteToHostException"

# conversations: the offline analyst over several turns, and an OpenAI-compatible model with tool calls
record chat-offline-deadlock chat --run --hang-after 3 --scenario "$native/deadlock.c" \
  --ask "why does it hang?" --ask "what is thread 2 waiting for?" --ask "how do I fix it?" -- "$bin/deadlock"
if want openai-tool-calls; then
  echo "== openai-tool-calls"
  java -cp "$TEST_CP" -Dddx.pdb.stdio=discard dev.ddx.transcript.OpenAiTranscriptRecorder \
    transcripts/openai-tool-calls.jsonl "$python/chained_exceptions.py" >/dev/null
fi
echo "recorded into transcripts/; check them with: ddx replay transcripts/*.jsonl"
