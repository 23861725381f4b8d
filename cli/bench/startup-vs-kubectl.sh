#!/usr/bin/env bash
# Times cold runs of the command line side by side with kubectl apply of the same manifests against one
# API server (a `branch-deploy sandbox --serve`), and prints medians and ratios. See docs/benchmarks.md.
#
#   cli/bench/startup-vs-kubectl.sh KUBECONFIG ROUNDS LABEL=COMMAND...
#
# e.g. cli/bench/startup-vs-kubectl.sh sandbox.kubeconfig 5 "jar=java -jar cli/target/branch-deploy.jar" \
#          "launcher=cli/target/branch-deploy"
# Each round runs, for each LABEL in turn (the order rotates between rounds): name, diff of the manifests
# against themselves (no cluster), a first deploy of a new branch and an unchanged redeploy of it; then
# kubectl apply of the same file into a new namespace (created untimed) and again, unchanged.
# The times are medians of wall-clock seconds (bash's time), with user+system CPU seconds in brackets, then the
# fastest round's wall time: on a shared machine, the closest to what the command takes alone.
set -euo pipefail
kubeconfig=$1 rounds=$2
shift 2
manifests=${MANIFESTS:-/work/shared/data/manifests/microservices-demo}
file=$(find "$manifests" -name '*.yaml' | head -1)
kubectl=${KUBECTL:-kubectl}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
TIMEFORMAT='%R %U %S'
run=$(date +%s)

timed() {  # timed TOOL OPERATION COMMAND...: appends "TOOL OPERATION wall cpu" to the results
    local tool=$1 operation=$2 times
    shift 2
    times=$({ time "$@" >/dev/null 2>&1; } 2>&1) || { echo "failed: $*" >&2; exit 1; }
    echo "$tool $operation $times" | awk '{ print $1, $2, $3, $4 + $5 }' >> "$results"
}

round() {  # round N RECORD: RECORD=0 is the warm-up
    local n=$1 record=$2 i label command branch
    local labels=("$@")
    labels=("${labels[@]:2}")
    for ((i = 0; i < ${#labels[@]}; i++)); do
        label=${labels[$(((i + n) % ${#labels[@]}))]%%=*}
        command=${labels[$(((i + n) % ${#labels[@]}))]#*=}
        branch="b$run-$label-$n"
        timed "$label" name $command name --app ms --branch "$branch"
        timed "$label" diff $command diff --app ms --branch "$branch" --manifests "$manifests" --baseline-manifests "$manifests"
        timed "$label" first-deploy $command deploy --kubeconfig "$kubeconfig" --app ms --branch "$branch" --manifests "$manifests" --domain preview.example.dev --quota auto
        timed "$label" redeploy $command deploy --kubeconfig "$kubeconfig" --app ms --branch "$branch" --manifests "$manifests" --domain preview.example.dev --quota auto
    done
    "$kubectl" --kubeconfig "$kubeconfig" create namespace "k$run-$n" >/dev/null
    timed kubectl first-deploy "$kubectl" --kubeconfig "$kubeconfig" apply --validate=false -n "k$run-$n" -f "$file"
    timed kubectl redeploy "$kubectl" --kubeconfig "$kubeconfig" apply --validate=false -n "k$run-$n" -f "$file"
    if [ "$record" = 0 ]; then : > "$results"; fi
}

round 0 0 "$@"
for ((n = 1; n <= rounds; n++)); do round "$n" 1 "$@"; done

echo "median of $rounds cold runs each (wall seconds; user+system CPU seconds in brackets; fastest wall), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
    { key = $1 " " $2; wall[key] = wall[key] " " $3; cpu[key] = cpu[key] " " $4; tools[$1] = 1; ops[$2] = 1 }
    function fastest(list,   n, a, i, m) {
        n = split(list, a, " ")
        m = a[1]
        for (i = 2; i <= n; i++) if (a[i] + 0 < m + 0) m = a[i]
        return m
    }
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        split("name diff first-deploy redeploy", order, " ")
        for (t in tools) {
            line = sprintf("%-10s", t)
            for (o = 1; o <= 4; o++) {
                key = t " " order[o]
                if (key in wall) {
                    line = line sprintf("  %s %.2f (%.2f) %.2f", order[o], median(wall[key]), median(cpu[key]), fastest(wall[key]))
                    if (t != "kubectl" && ("kubectl " order[o]) in wall)
                        line = line sprintf(" = %.1fx kubectl", median(wall[key]) / median(wall["kubectl " order[o]]))
                }
            }
            print line
        }
    }' "$results"
