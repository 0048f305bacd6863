#!/usr/bin/env bash
# Regenerates the two peer clients of issue 20 (NSwag and Kiota) from the provider's own OpenAPI document, with the tool
# versions pinned in this folder's local tool manifest (dotnet-tools.json). Run from anywhere; commit the output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
doc="$here/../../../schemas/sources/apiframe-openapi.json"
cd "$here"
dotnet tool restore >/dev/null

# NSwag 14.7.1, System.Text.Json flavour, one file, no base URL baked in (the HttpClient's BaseAddress is used), from the
# Producer subset of the document (see subset-producer.py: NSwag keeps only the first member of a oneOf body).
mkdir -p NSwag
python3 subset-producer.py "$doc" NSwag/apiframe-producer-subset.json
dotnet nswag openapi2csclient /input:NSwag/apiframe-producer-subset.json /output:NSwag/ApiframeNSwagClient.cs \
  /namespace:ProducerGen.Benchmarks.Peers.NSwag /classname:ApiframeNSwagClient \
  /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false /UseBaseUrl:false \
  /GenerateExceptionClasses:true /InjectHttpClient:true /DisposeHttpClient:false

# Kiota 1.38.0, C#, the whole document.
KIOTA_TUTORIAL_ENABLED=false KIOTA_UPDATE_DISABLED=true KIOTA_OFFLINE_ENABLED=true dotnet kiota generate --language CSharp --openapi "$doc" --output Kiota \
  --namespace-name ProducerGen.Benchmarks.Peers.Kiota --class-name ApiframeKiotaClient \
  --exclude-backward-compatible --clean-output --log-level Warning
rm -f Kiota/.kiota.log
