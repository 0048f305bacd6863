using System;
using System.Linq;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>One small document per operation mapping rule, imported, loaded and read back as records.</summary>
public class OperationRuleTests
{
    private const string Generate = """
        "/v1/images/generate": { "post": {
          "requestBody": { "content": { "application/json": { "schema": { "oneOf": [ { "type": "object", "required": ["model"],
            "properties": { "model": { "enum": ["m1"] }, "m1Params": { "type": "object", "properties": { "prompt": { "type": "string" } } } } } ] } } } },
          "responses": { "202": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/JobAccepted" } } } } } } },
        "/v1/jobs/{id}": { "get": {
          "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
          "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object",
            "properties": { "id": { "type": "string" }, "status": { "type": "string", "enum": ["QUEUED", "COMPLETED", "FAILED"] } } } } } } } } }
        """;

    private static string Document(string paths, string schemas = "") => $$"""
        { "openapi": "3.1.0", "info": { "title": "Demo API", "version": "1" }, "servers": [ { "url": "https://api.example.com" } ],
          "security": [ { "Key": [] } ],
          "components": { "securitySchemes": { "Key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
            "schemas": { "JobAccepted": { "type": "object", "properties": { "jobId": { "type": "string" } } }{{schemas}} } },
          "paths": { {{Generate}}{{paths}} } }
        """;

    private static (SchemaDocument Document, ImportResult Result, string Yaml) Import(string paths, string schemas = "")
    {
        var (yaml, result) = SchemaImport.Run(Document(paths, schemas), "demo.json");
        var loaded = SchemaLoader.Load(yaml);
        Assert.True(loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics) + "\n" + yaml);
        return (loaded.Document!, result, yaml);
    }

    private const string Thing = """
        , "Thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "format": "uuid" }, "note": { "type": ["string", "null"] } } }
        """;

    [Fact]
    public void A_get_answering_an_array_and_nextCursor_with_cursor_and_limit_in_the_query_is_paginated()
    {
        var (document, _, _) = Import("""
            , "/v1/things": { "get": {
              "parameters": [
                { "name": "cursor", "in": "query", "schema": { "type": "string" } },
                { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 50, "default": 10 } },
                { "name": "archived", "in": "query", "schema": { "type": "string", "enum": ["true", "false"], "default": "false" } } ],
              "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object",
                "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }, "nextCursor": { "type": ["string", "null"] }, "hasMore": { "type": "boolean" } } } } } } } } }
            , "/v1/colours": { "get": {
              "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object",
                "properties": { "colours": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } } } } } }
            """, Thing);
        var list = document.Operations.Single(o => o.Key == "listThings");
        Assert.Equal(new PaginationSpec("items", "cursor", "nextCursor", "hasMore", "limit", 1, 50, 10), list.Paginate);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "Thing", "$", IsList: true), list.Response);

        // cursor and limit are the pager's; the "true"|"false" flag is a boolean query field.
        var field = Assert.Single(list.Fields);
        Assert.Equal(("archived", MemberType.Boolean, true, "false"), (field.Name, field.Type.Kind, field.InQuery, field.Default));

        // Without a cursor, one array member is a plain list at its path.
        var colours = document.Operations.Single(o => o.Key == "listColours");
        Assert.Null(colours.Paginate);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "Thing", "colours", IsList: true), colours.Response);

        // An answer member that may be null is optional; a required one that may not, required.
        var thing = document.Types.Single(t => t.Name == "Thing");
        Assert.Equal(new[] { ("id", true, false), ("note", false, false) }, thing.Properties.Select(p => (p.Name, p.Required, p.Nullable)));
    }

    [Fact]
    public void An_empty_security_list_is_auth_none_and_the_document_default_keeps_the_key()
    {
        var (document, _, _) = Import("""
            , "/v1/catalog": { "get": { "security": [], "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } }
            , "/v1/me": { "get": { "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } }
            """, Thing);
        Assert.False(document.Operations.Single(o => o.Key == "getCatalog").Authenticated);
        Assert.True(document.Operations.Single(o => o.Key == "getMe").Authenticated);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "Thing"), document.Operations.Single(o => o.Key == "getMe").Response);
    }

    [Fact]
    public void A_oneOf_discriminated_by_one_fixed_member_gives_shared_fields_and_variants_and_a_job_of_the_path_model()
    {
        var (document, _, _) = Import("""
            , "/v1/images/m1/action": { "post": {
              "parameters": [ { "name": "Idempotency-Key", "in": "header", "schema": { "type": "string" } } ],
              "requestBody": { "content": { "application/json": { "schema": { "oneOf": [
                { "type": "object", "required": ["action", "parent"], "properties": { "action": { "enum": ["zoom"] }, "parent": { "type": "string", "format": "uuid" },
                  "ratio": { "anyOf": [ { "enum": [1.5], "type": "number" }, { "enum": [2], "type": "number" }, { "enum": [2.5], "type": "number" } ] } } },
                { "type": "object", "required": ["action", "parent", "index"], "properties": { "action": { "const": "pick" }, "parent": { "type": "string", "format": "uuid" },
                  "index": { "anyOf": [ { "enum": [1], "type": "number" }, { "enum": [2], "type": "number" }, { "enum": [3], "type": "number" } ] } } },
                { "type": "object", "required": ["action", "parent"], "properties": { "action": { "enum": ["stems"] }, "parent": { "type": "string", "format": "uuid" } } } ] } } } },
              "responses": { "202": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/JobAccepted" } } } } } } }
            """);
        var action = Assert.Single(document.Operations);
        Assert.Equal(("m1Action", "M1", "Action"), (action.Key, action.Group, action.Name));
        Assert.Equal("m1", action.JobModel);
        Assert.True(action.Idempotency);
        Assert.Equal(ResponseSpec.None, action.Response);
        Assert.Equal("action", action.Discriminator);
        var parent = Assert.Single(action.Fields);
        Assert.Equal(("parent", true, MemberFormat.Uuid), (parent.Name, parent.Required, parent.Type.Format));
        Assert.Equal(new[] { "zoom", "pick", "stems" }, action.Variants.Select(v => v.Value));
        var ratio = Assert.Single(action.Variants[0].Members).Type;
        Assert.Equal((MemberType.Number, 1.5, 2.5, 0.5), (ratio.Kind, ratio.Minimum!.Value, ratio.Maximum!.Value, ratio.Step!.Value));
        var index = Assert.Single(action.Variants[1].Members);
        Assert.Equal((MemberType.Integer, 1.0, 3.0, (double?)null, true), (index.Type.Kind, index.Type.Minimum!.Value, index.Type.Maximum!.Value, index.Type.Step, index.Required));
        Assert.Empty(action.Variants[2].Members);
    }

    [Fact]
    public void A_multipart_body_sends_binary_parts_and_arrays_of_them_as_files_and_a_collection_post_answers_its_resource()
    {
        var (document, _, yaml) = Import("""
            , "/v1/sets": { "post": {
              "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["cover", "pages"], "properties": {
                "cover": { "type": "string", "format": "binary" },
                "pages": { "type": "array", "minItems": 2, "items": { "type": "string", "format": "binary" } },
                "title": { "type": "string", "maxLength": 40 } } } } } },
              "responses": { "202": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } } }
            , "/v1/sets/{id}": { "get": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
              "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Set" } } } } } } }
            """, """
            , "Set": { "type": "object", "required": ["id", "status"], "properties": { "id": { "type": "string" }, "status": { "type": "string", "enum": ["QUEUED", "READY", "FAILED"] }, "error": { "type": ["string", "null"] } } }
            """);
        var create = document.Operations.Single(o => o.Key == "createSet");
        Assert.Equal(BodyEncoding.Multipart, create.Encoding);
        Assert.Equal(new[] { 202 }, create.Success);
        Assert.Equal("set", create.Resource);
        Assert.Equal(MemberType.File, create.Fields.Single(f => f.Name == "cover").Type.Kind);
        var pages = create.Fields.Single(f => f.Name == "pages").Type;
        Assert.Equal((MemberType.Array, MemberType.File, 2), (pages.Kind, pages.Items!.Kind, pages.MinItems!.Value));

        var resource = Assert.Single(document.Resources);
        Assert.Equal(("GET /v1/sets/{id}", "Set", "error"), (resource.Get.ToString(), resource.TypeName, resource.ErrorPath));
        Assert.Equal(new[] { "QUEUED" }, resource.Pending);
        Assert.Equal(new[] { "READY" }, resource.Succeeded);
        Assert.Equal(new[] { "FAILED" }, resource.Failed);
        Assert.Equal(MemberFormat.Uuid, Assert.Single(document.Operations.Single(o => o.Key == "getSet").PathParams).Type.Format);
        Assert.DoesNotContain("format: binary", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delete_answering_204_has_no_response_and_a_plain_string_path_parameter_needs_no_params_entry()
    {
        var (document, _, yaml) = Import("""
            , "/v1/notes/{noteId}": { "delete": {
              "parameters": [ { "name": "noteId", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "responses": { "204": { "description": "gone" }, "404": { "description": "missing" } } } }
            """);
        var delete = Assert.Single(document.Operations);
        Assert.Equal(("deleteNote", "Notes", "Delete"), (delete.Key, delete.Group, delete.Name));
        Assert.Equal(new[] { 204 }, delete.Success);
        Assert.Equal(ResponseSpec.None, delete.Response);
        Assert.Equal(("noteId", MemberType.String), (Assert.Single(delete.PathParams).Name, delete.PathParams[0].Type.Kind));
        Assert.DoesNotContain("params:", yaml.Substring(yaml.IndexOf("\noperations:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_only_generate_endpoints_writes_no_operations_section()
    {
        var (document, _, yaml) = Import(string.Empty);
        Assert.Empty(document.Operations);
        Assert.DoesNotContain("operations:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("types:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_import_reports_exactly_what_the_21_operations_cannot_express()
    {
        var (_, result) = SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath, TestFiles.OverlayText, TestFiles.OverlayPath);
        var operations = result.Report.Entries.Where(e => e.Location.StartsWith("operations.", StringComparison.Ordinal) || e.Location.StartsWith("types.", StringComparison.Ordinal) || e.Location.StartsWith("resources.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "operations.createLora.fields.ethnicity", "operations.createLora.fields.gender", "operations.sunoAction.variants.extend.continueAt" },
            operations.Select(e => e.Location).OrderBy(l => l, StringComparer.Ordinal));
        Assert.All(operations, e => Assert.Equal(ReportKind.NotExpressible, e.Kind));
        Assert.Contains("exclusiveMinimum 0", operations.Single(e => e.Location.EndsWith("continueAt", StringComparison.Ordinal)).Message, StringComparison.Ordinal);

        // The three non-generate POSTs are no longer skipped: they are operations now.
        Assert.DoesNotContain(result.Report.Entries, e => e.Location.StartsWith("paths.", StringComparison.Ordinal));
    }
}
