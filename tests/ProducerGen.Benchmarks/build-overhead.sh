#!/usr/bin/env bash
# Clean-build cost of the generator: a sample project that generates its client from a schema, against the same project with
# the generated files checked in as plain sources (no generator). Both reference the runtime as a project; each is built
# N times with --no-incremental after a warm-up build; prints the means and the overhead.
#
#   tests/ProducerGen.Benchmarks/build-overhead.sh [N] [schema.yaml]      (defaults: 5, schemas/apiframe-music.producergen.yaml)
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
schema="$(cd "$(dirname "${2:-$root/schemas/apiframe-music.producergen.yaml}")" && pwd)/$(basename "${2:-$root/schemas/apiframe-music.producergen.yaml}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

program='using Apiframe;
var request = new ProducerRequest("an upbeat synthwave track") { Params = new ProducerParams { Weirdness = 0.35 } };
System.Console.WriteLine(request.Validate().IsValid);'

# The repository's Directory.*.props are not inherited (the projects live outside it); versions come from the runtime project.
cat > "$work/Directory.Build.props" <<'EOF'
<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
EOF
cat > "$work/Directory.Packages.props" <<'EOF'
<Project />
EOF

mkdir -p "$work/WithGenerator" "$work/CheckedIn/Generated"
cat > "$work/WithGenerator/WithGenerator.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Sample</RootNamespace>
    <EmitCompilerGeneratedFiles>false</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/generator/ProducerGen.Generator/ProducerGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$root/runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj" />
    <AdditionalFiles Include="$schema" />
  </ItemGroup>
</Project>
EOF
cat > "$work/CheckedIn/CheckedIn.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Sample</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj" />
  </ItemGroup>
</Project>
EOF
echo "$program" > "$work/WithGenerator/Program.cs"
echo "$program" > "$work/CheckedIn/Program.cs"

# Produce the generated files once (EmitCompilerGeneratedFiles) and check them in to the second project.
dotnet build "$work/WithGenerator" -c Release -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/emitted" -v:q -nologo >/dev/null
find "$work/emitted" -path '*ProducerGen.Generator*' -name '*.g.cs' -exec cp {} "$work/CheckedIn/Generated/" \;
files=$(ls "$work/CheckedIn/Generated" | wc -l)
dotnet build "$work/CheckedIn" -c Release -v:q -nologo >/dev/null

measure() {
  local project="$1" total=0
  # Warm-up, then N clean (non-incremental) builds of the project alone (its references are already built).
  dotnet build "$project" -c Release --no-incremental --no-dependencies -v:q -nologo >/dev/null
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    dotnet build "$project" -c Release --no-incremental --no-dependencies -v:q -nologo >/dev/null
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000000))
  done
  echo $((total / runs))
}

with=$(measure "$work/WithGenerator")
plain=$(measure "$work/CheckedIn")
echo "schema: $schema ($files generated files)"
echo "runs: $runs clean builds each (dotnet build -c Release --no-incremental --no-dependencies), after one warm-up"
echo "with generator:        mean ${with} ms"
echo "generated checked in:  mean ${plain} ms"
awk -v a="$with" -v b="$plain" 'BEGIN { printf "ratio %.3f, overhead %+.1f %% (target < 5 %%)\n", a / b, (a / b - 1) * 100 }'
