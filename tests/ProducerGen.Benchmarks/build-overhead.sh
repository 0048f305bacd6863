#!/usr/bin/env bash
# Clean-build cost of the generator: a project that generates its client, against the same project with the files the generator
# emitted checked in as plain sources (and no generator or analyzers of ours). Three pairs:
#
# (default)          Two console projects outside the repository: `PackageReference ProducerGen` + a schema, against
#                    `PackageReference ProducerGen.Runtime` + the generated files.
# (--sample-package) The repository's sample, samples/Producer.Cli, consuming the packed `ProducerGen` package as a user's project
#                    would, against the same sample with the generated files checked in. Both are copies beside the sample (so its
#                    runtime and emulator project references still resolve) and are built with --no-dependencies.
# (--sample)         samples/Producer.Cli as it is in the repository (generator and analyzers as ProjectReferences), against the
#                    checked-in copy.
# (--floor)          Issue 20 target 2: the package consumer (default: the whole catalog) against the hand-written floor for the same
#                    models, written from the generator's output by `ProducerGen.Benchmarks catalog-floor` (plain records with
#                    [JsonPropertyName], one System.Text.Json source-generated context, an HttpClient wrapper; no ProducerGen package).
#
# Packages are packed from this working tree into a temporary feed under a version unique to the run, so the NuGet cache never
# serves a stale build. After one warm-up build each, the two projects are built alternately N times with --no-incremental (so
# drift on the machine hits both alike); prints means, medians and the mean paired difference with its ~95 % interval.
#
#   tests/ProducerGen.Benchmarks/build-overhead.sh [N] [schema.yaml]       (defaults: 10, schemas/apiframe-music.producergen.yaml)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --sample-package [N]    (default: 10)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --sample [N]            (default: 10)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --floor [N] [schema.yaml] (defaults: 10, schemas/apiframe.producergen.yaml)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --floor-reflection [N] [schema.yaml]   (the same floor without a serializer context)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --compile-share [N] [schema.yaml]      (default mode's pair, timed by the compiler's
#                    own account: CoreCompile from -clp:PerformanceSummary and csc's ReportAnalyzer; defaults 10, the catalog)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
mode=package
floor_options=()
case "${1:-}" in
  --sample) mode=sample; shift ;;
  --sample-package) mode=sample-package; shift ;;
  --floor) mode=floor; shift ;;
  --floor-reflection) mode=floor; floor_options=(--reflection); shift ;;
  --compile-share) mode=compile-share; shift ;;
esac
runs="${1:-10}"
work="$(mktemp -d)"
version="0.0.0-overhead.$(date +%s)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
copies="$root/samples/.build-overhead-$$" # + "-<name>": siblings of the sample, ignored by git, removed on exit
cleanup() {
  rm -rf "$work" "$copies"-* "$packages/producergen/$version" "$packages/producergen.runtime/$version"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pack_packages() {
  dotnet pack "$root/generator/ProducerGen.Package/ProducerGen.Package.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -v:q -nologo >/dev/null
  dotnet pack "$root/runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -v:q -nologo >/dev/null
}

# A nuget.config in folder $1 that finds the packed packages first.
write_nuget_config() {
  cat > "$1/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
}

# Copies the generator's output from an EmitCompilerGeneratedFiles folder, without the hint names' leading "../" segments.
check_in_generated() {
  local emitted="$1" destination="$2" file name
  mkdir -p "$destination"
  while IFS= read -r file; do
    name="$(basename "$file")"
    cp "$file" "$destination/${name##*.._}"
  done < <(find "$emitted" -path '*ProducerGen.Generator*' -name '*.g.cs')
}

# Copies the sample's sources to $copies-$1 (a sibling, so its relative project references still hold) with its project file
# passed through the sed expressions that follow.
copy_sample() {
  local copy="$copies-$1"
  shift
  mkdir -p "$copy"
  (cd "$root/samples/Producer.Cli" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' -exec cp --parents {} "$copy/" \;)
  sed -e '/ProducerGen.Generator.csproj/d' -e '/ProducerGen.Analyzers.csproj/d' -e '/PG1xxx/d' -e '/AdditionalFiles/d' "$@" \
    "$root/samples/Producer.Cli/Producer.Cli.csproj" > "$copy/Producer.Cli.csproj"
}

setup_package_consumers() {
  local schema_arg="${1:-$root/schemas/apiframe-music.producergen.yaml}"
  schema="$(cd "$(dirname "$schema_arg")" && pwd)/$(basename "$schema_arg")"
  pack_packages

  # The consumers live outside the repository: nothing of its Directory.*.props applies to them.
  write_nuget_config "$work"
  echo '<Project />' > "$work/Directory.Build.props"
  echo '<Project />' > "$work/Directory.Packages.props"

  local name package
  for name in WithGenerator CheckedIn; do
    package=ProducerGen
    [[ "$name" == CheckedIn ]] && package=ProducerGen.Runtime
    mkdir -p "$work/$name"
    cat > "$work/$name/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Sample</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package" Version="$version" />
  </ItemGroup>
</Project>
EOF
    # Independent of the schema's namespace and names; the whole generated client is compiled either way.
    echo 'System.Console.WriteLine(typeof(Program).Assembly.GetTypes().Length);' > "$work/$name/Program.cs"
  done
  cp "$schema" "$work/WithGenerator/" # the package's build props pick up **/*.producergen.yaml

  with_project="$work/WithGenerator"
  plain_project="$work/CheckedIn"
  plain_dir="$plain_project"
  build_options=()
  with_label="console project, PackageReference ProducerGen"
  plain_label="the same, generated files checked in (PackageReference ProducerGen.Runtime)"
}

setup_sample_package() {
  schema="$root/schemas/apiframe-music.producergen.yaml (samples/Producer.Cli)"
  pack_packages
  # The repository manages versions centrally, so the copy declares the package's version itself.
  copy_sample WithPackage -e "s#<PackageReference Include=\"System.CommandLine\" />#&\n    <PackageVersion Include=\"ProducerGen\" Version=\"$version\" />\n    <PackageReference Include=\"ProducerGen\" />#"
  write_nuget_config "$copies-WithPackage"
  cp "$root/schemas/apiframe-music.producergen.yaml" "$copies-WithPackage/"
  copy_sample CheckedIn

  with_project="$copies-WithPackage/Producer.Cli.csproj"
  plain_project="$copies-CheckedIn/Producer.Cli.csproj"
  plain_dir="$copies-CheckedIn"
  build_options=(--no-dependencies)
  with_label="samples/Producer.Cli, PackageReference ProducerGen"
  plain_label="the same sample, generated files checked in"
}

setup_sample() {
  schema="$root/schemas/apiframe-music.producergen.yaml (samples/Producer.Cli)"
  copy_sample CheckedIn

  with_project="$root/samples/Producer.Cli"
  plain_project="$copies-CheckedIn/Producer.Cli.csproj"
  plain_dir="$copies-CheckedIn"
  build_options=(--no-dependencies)
  with_label="samples/Producer.Cli (generator + analyzers as ProjectReferences)"
  plain_label="the same sample, generated files checked in"
}

case "$mode" in
  sample) setup_sample ;;
  sample-package) setup_sample_package ;;
  floor | compile-share) setup_package_consumers "${2:-$root/schemas/apiframe.producergen.yaml}" ;;
  *) setup_package_consumers "${2:-}" ;;
esac

# Produce the generated files once and check them in to the second project (which then builds once with its dependencies).
dotnet build "$with_project" -c Release --no-incremental -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/emitted" -v:q -nologo >/dev/null
files=$(find "$work/emitted" -path '*ProducerGen.Generator*' -name '*.g.cs' | wc -l)
generated_lines=$(find "$work/emitted" -path '*ProducerGen.Generator*' -name '*.g.cs' -exec cat {} + | wc -l)
if [[ "$mode" == floor ]]; then
  # The floor replaces the checked-in copy: same models, hand-written shape, no ProducerGen package.
  rm -rf "$plain_dir" && mkdir -p "$plain_dir"
  dotnet run -c Release --project "$root/tests/ProducerGen.Benchmarks" -- catalog-floor "${floor_options[@]}" "$work/emitted" "$plain_dir" >/dev/null
  cat > "$plain_dir/Floor.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Sample</RootNamespace>
  </PropertyGroup>
</Project>
EOF
  echo 'System.Console.WriteLine(typeof(Program).Assembly.GetTypes().Length);' > "$plain_dir/Program.cs"
  plain_project="$plain_dir/Floor.csproj"
  plain_label="hand-written floor (records + System.Text.Json $([[ ${#floor_options[@]} -gt 0 ]] && echo reflection || echo source generation) + HttpClient), $(cat "$plain_dir"/Floor*.cs | wc -l) lines"
else
  check_in_generated "$work/emitted" "$plain_dir/Generated"
fi
dotnet build "$plain_project" -c Release -v:q -nologo >/dev/null

build_ms() {
  local start end
  start=$(date +%s%N)
  dotnet build "$1" -c Release --no-incremental "${build_options[@]}" -v:q -nologo >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

if [[ "$mode" == compile-share ]]; then
  # Wall-clock pairs scatter by seconds on this machine, more than the generator costs; the compiler's own account scatters
  # less: CoreCompile's time from MSBuild's performance summary (everything csc does, our generator and analyzer included; the
  # rest of the two builds is the same MSBuild work), and csc's ReportAnalyzer figures for ProducerGen's generator + analyzer.
  build_log() {
    local start end
    start=$(date +%s%N)
    dotnet build "$1" -c Release --no-incremental -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true -nologo > "$2"
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  }
  target_ms() { grep -E "^ +[0-9]+ ms +$2 +[0-9]+ calls" "$1" | awk '{ s += $1 } END { print s + 0 }'; }
  # "   0.344   35   ProducerGen.Generator, Version=..." rows of csc's generator and analyzer tables, in seconds.
  ours_ms() { grep -E "^ +<?[0-9.]+ +<?[0-9]+ +ProducerGen\.(Generator|Analyzers)," "$1" | awk '{ v = $1; sub("<", "", v); s += v } END { printf "%d", s * 1000 }'; }
  build_log "$with_project" "$work/with.log" >/dev/null && build_log "$plain_project" "$work/plain.log" >/dev/null # warm-up
  rows=()
  for _ in $(seq "$runs"); do
    with_wall="$(build_log "$with_project" "$work/with.log")"
    plain_wall="$(build_log "$plain_project" "$work/plain.log")"
    rows+=("$with_wall $plain_wall $(target_ms "$work/with.log" CoreCompile) $(target_ms "$work/plain.log" CoreCompile) $(ours_ms "$work/with.log")")
  done
  echo "schema: $schema ($files generated files, $generated_lines lines)"
  echo "runs: $runs alternating pairs (dotnet build -c Release --no-incremental -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true), after one warm-up"
  echo "per pair (ms): wall with, wall checked in, CoreCompile with, CoreCompile checked in, ProducerGen generator + analyzer (csc's report)"
  printf '  %s\n' "${rows[@]}"
  printf '%s\n' "${rows[@]}" | awk '
    function ci(q, s, n) { return (n > 1) ? 2 * sqrt((q - s * s / n) / (n - 1)) / sqrt(n) : 0 }
    { n++; ww += $1; wp += $2; cw += $3; cp += $4; g += $5
      dw = $1 - $2; sw += dw; qw += dw * dw; dc = $3 - $4; sc += dc; qc += dc * dc }
    END {
      printf "wall: with %d ms, checked in %d ms, paired difference %+d ms ± %d ms (%+.1f %% ± %.1f %%)\n", ww / n, wp / n, sw / n, ci(qw, sw, n), sw / wp * 100, ci(qw, sw, n) / (wp / n) * 100
      printf "CoreCompile: with %d ms, checked in %d ms, paired difference %+d ms ± %d ms\n", cw / n, cp / n, sc / n, ci(qc, sc, n)
      printf "ProducerGen generator + analyzer inside csc: %d ms per build\n", g / n
      printf "generator share = CoreCompile paired difference / checked-in build: %+.1f %% ± %.1f %%; csc report alone: %.1f %%; target < 3 %%: %s\n", sc / wp * 100, ci(qc, sc, n) / (wp / n) * 100, g / wp * 100, (sc / wp < 0.03) ? "MET" : "NOT MET"
    }'
  exit 0
fi

build_ms "$with_project" >/dev/null # warm-up (restore, build server, disk cache)
build_ms "$plain_project" >/dev/null
with=() plain=()
for _ in $(seq "$runs"); do
  with+=("$(build_ms "$with_project")")
  plain+=("$(build_ms "$plain_project")")
done

stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1; s += $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d", s / NR, m }'; }
read -r with_mean with_median <<<"$(stats "${with[@]}")"
read -r plain_mean plain_median <<<"$(stats "${plain[@]}")"

echo "schema: $schema ($files generated files, $generated_lines lines)"
echo "runs: $runs clean builds each, alternating (dotnet build -c Release --no-incremental ${build_options[*]}), after one warm-up"
echo "$with_label: mean ${with_mean} ms, median ${with_median} ms  [${with[*]}]"
echo "$plain_label: mean ${plain_mean} ms, median ${plain_median} ms  [${plain[*]}]"
# Runs alternate, so each pair saw the same machine: the mean of the paired differences and its ~95 % interval (2 standard errors)
# say how much of the overhead is the generator and how much is noise.
paired="$(paste -d' ' <(printf '%s\n' "${with[@]}") <(printf '%s\n' "${plain[@]}") | awk '
  { d = $1 - $2; s += d; q += d * d; n++ }
  END { m = s / n; sd = (n > 1) ? sqrt((q - n * m * m) / (n - 1)) : 0; printf "%.0f %.0f", m, 2 * sd / sqrt(n) }')"
read -r diff_mean diff_ci <<<"$paired"
awk -v floor="$([[ "$mode" == floor ]] && echo 1 || echo 0)" -v a="$with_mean" -v b="$plain_mean" -v c="$with_median" -v d="$plain_median" -v dm="$diff_mean" -v ci="$diff_ci" \
  'BEGIN {
     printf "paired difference %+d ms ± %d ms (~95 %%), i.e. %+.1f %% ± %.1f %%\n", dm, ci, dm / b * 100, ci / b * 100
     if (floor) printf "ratio of means %.3f (medians %.3f); issue 20 target 2 (<= 1.5x the floor): %s\n", a / b, c / d, (a / b <= 1.5) ? "MET" : "NOT MET"
     else printf "ratio of means %.3f, overhead %+.1f %% (medians %+.1f %%); target < 5 %%: %s\n", a / b, (a / b - 1) * 100, (c / d - 1) * 100, (a / b < 1.05) ? "MET" : "NOT MET"
   }'
