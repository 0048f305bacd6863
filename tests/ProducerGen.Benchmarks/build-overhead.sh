#!/usr/bin/env bash
# Clean-build cost of the generator, two ways:
#
# (default) As users get it: a console project that references the packed `ProducerGen` package and generates its client from a
# schema, against the same project with the files that generator emitted checked in as plain sources and a reference to
# `ProducerGen.Runtime` only (no generator, no analyzers of ours). Both packages are packed from this working tree into a
# temporary feed under a version unique to the run, so the NuGet cache never serves a stale build.
#
# (--sample) The repository's own sample, samples/Producer.Cli (generator and analyzers as ProjectReferences), against a copy of
# it beside it with the generator and analyzer references removed and the generated files checked in. Both keep their runtime
# and emulator references; builds use --no-dependencies so only the sample itself is compiled.
#
# After one warm-up build each, the two projects are built alternately N times with --no-incremental (so drift on the machine
# hits both alike); prints each mean and median and the overhead of the means.
#
#   tests/ProducerGen.Benchmarks/build-overhead.sh [N] [schema.yaml]   (defaults: 10, schemas/apiframe-music.producergen.yaml)
#   tests/ProducerGen.Benchmarks/build-overhead.sh --sample [N]        (default: 10)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
mode=package
if [[ "${1:-}" == "--sample" ]]; then
  mode=sample
  shift
fi
runs="${1:-10}"
work="$(mktemp -d)"
version="0.0.0-overhead.$(date +%s)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
sample_copy="$root/samples/.build-overhead-$$" # ignored by git; removed on exit
cleanup() {
  rm -rf "$work" "$sample_copy" "$packages/producergen/$version" "$packages/producergen.runtime/$version"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Copies the generator's output from an EmitCompilerGeneratedFiles folder, without the hint names' leading "../" segments.
check_in_generated() {
  local emitted="$1" destination="$2" file name
  mkdir -p "$destination"
  while IFS= read -r file; do
    name="$(basename "$file")"
    cp "$file" "$destination/${name##*.._}"
  done < <(find "$emitted" -path '*ProducerGen.Generator*' -name '*.g.cs')
}

setup_package_consumers() {
  local schema_arg="${1:-$root/schemas/apiframe-music.producergen.yaml}"
  schema="$(cd "$(dirname "$schema_arg")" && pwd)/$(basename "$schema_arg")"
  dotnet pack "$root/generator/ProducerGen.Package/ProducerGen.Package.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -v:q -nologo >/dev/null
  dotnet pack "$root/runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -v:q -nologo >/dev/null

  # The consumers live outside the repository: nothing of its Directory.*.props applies to them.
  cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
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
  with_label="with generator (PackageReference ProducerGen)"
  plain_label="generated checked in (PackageReference ProducerGen.Runtime)"
}

setup_sample_copy() {
  schema="$root/schemas/apiframe-music.producergen.yaml (samples/Producer.Cli)"
  mkdir -p "$sample_copy"
  (cd "$root/samples/Producer.Cli" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' -exec cp --parents {} "$sample_copy/" \;)
  # The same project (a sibling folder, so its relative paths still hold) without the generator and analyzer references.
  sed -e '/ProducerGen.Generator.csproj/d' -e '/ProducerGen.Analyzers.csproj/d' -e '/PG1xxx/d' -e '/AdditionalFiles/d' \
    "$root/samples/Producer.Cli/Producer.Cli.csproj" > "$sample_copy/Producer.Cli.CheckedIn.csproj"

  with_project="$root/samples/Producer.Cli"
  plain_project="$sample_copy/Producer.Cli.CheckedIn.csproj"
  plain_dir="$sample_copy"
  build_options=(--no-dependencies)
  with_label="samples/Producer.Cli (generator + analyzers as ProjectReferences)"
  plain_label="the same sample, generated files checked in"
}

if [[ "$mode" == sample ]]; then
  setup_sample_copy
else
  setup_package_consumers "${2:-}"
fi

# Produce the generated files once and check them in to the second project (which then builds once with its dependencies).
dotnet build "$with_project" -c Release --no-incremental -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/emitted" -v:q -nologo >/dev/null
check_in_generated "$work/emitted" "$plain_dir/Generated"
files=$(find "$work/emitted" -path '*ProducerGen.Generator*' -name '*.g.cs' | wc -l)
dotnet build "$plain_project" -c Release -v:q -nologo >/dev/null

build_ms() {
  local start end
  start=$(date +%s%N)
  dotnet build "$1" -c Release --no-incremental "${build_options[@]}" -v:q -nologo >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

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

echo "schema: $schema ($files generated files)"
echo "runs: $runs clean builds each, alternating (dotnet build -c Release --no-incremental ${build_options[*]}), after one warm-up"
echo "$with_label: mean ${with_mean} ms, median ${with_median} ms  [${with[*]}]"
echo "$plain_label: mean ${plain_mean} ms, median ${plain_median} ms  [${plain[*]}]"
# Runs alternate, so each pair saw the same machine: the mean of the paired differences and its ~95 % interval (2 standard errors)
# say how much of the overhead is the generator and how much is noise.
paired="$(paste -d' ' <(printf '%s\n' "${with[@]}") <(printf '%s\n' "${plain[@]}") | awk '
  { d = $1 - $2; s += d; q += d * d; n++ }
  END { m = s / n; sd = (n > 1) ? sqrt((q - n * m * m) / (n - 1)) : 0; printf "%.0f %.0f", m, 2 * sd / sqrt(n) }')"
read -r diff_mean diff_ci <<<"$paired"
awk -v a="$with_mean" -v b="$plain_mean" -v c="$with_median" -v d="$plain_median" -v dm="$diff_mean" -v ci="$diff_ci" \
  'BEGIN {
     printf "paired difference %+d ms ± %d ms (~95 %%), i.e. %+.1f %% ± %.1f %%\n", dm, ci, dm / b * 100, ci / b * 100
     printf "ratio of means %.3f, overhead %+.1f %% (medians %+.1f %%); target < 5 %%: %s\n", a / b, (a / b - 1) * 100, (c / d - 1) * 100, (a / b < 1.05) ? "MET" : "NOT MET"
   }'
