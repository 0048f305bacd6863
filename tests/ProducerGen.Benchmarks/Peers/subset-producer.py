#!/usr/bin/env python3
"""Writes the subset of the provider's OpenAPI document that NSwag is generated from (issue 20).

NSwag 14.7.1 turns a `oneOf` request body into the properties of its FIRST member only, so from the whole document its
GenerateMusicRequest is the Suno variant and has no producerParams: a Producer request cannot be built with it. This keeps
the two operations the benchmarks use (POST /v2/music/generate, GET /v2/jobs/{id}) and replaces GenerateMusicRequest by its
Producer member (model: "producer"), unchanged, plus every component those reference. Nothing else is edited.
"""
import json
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    doc = json.load(f)

schemas = doc["components"]["schemas"]
producer = [m for m in schemas["GenerateMusicRequest"]["oneOf"] if m["properties"]["model"].get("enum") == ["producer"]]
if len(producer) != 1:
    sys.exit("expected exactly one Producer member in GenerateMusicRequest.oneOf")

paths = {
    "/v2/music/generate": {"post": doc["paths"]["/v2/music/generate"]["post"]},
    "/v2/jobs/{id}": {"get": doc["paths"]["/v2/jobs/{id}"]["get"]},
}
kept = {"GenerateMusicRequest": producer[0]}


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and value.startswith("#/components/schemas/"):
                yield value.rsplit("/", 1)[1]
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


pending = list(refs(paths)) + list(refs(producer[0]))
while pending:
    name = pending.pop()
    if name not in kept:
        kept[name] = schemas[name]
        pending.extend(refs(schemas[name]))

subset = {k: v for k, v in doc.items() if k not in ("paths", "components")}
subset["paths"] = paths
subset["components"] = {k: v for k, v in doc["components"].items() if k != "schemas"}
subset["components"]["schemas"] = dict(sorted(kept.items()))
with open(target, "w", encoding="utf-8") as f:
    json.dump(subset, f, indent=2, sort_keys=True)
    f.write("\n")
