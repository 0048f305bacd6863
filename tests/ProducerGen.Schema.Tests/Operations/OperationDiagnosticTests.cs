using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;
using static ProducerGen.Schema.Tests.Operations.OperationsText;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>Each rule of <c>types:</c>, <c>resources:</c> and <c>operations:</c>, broken once: its id, where, and what it says.</summary>
public class OperationDiagnosticTests
{
    private const string Post = "group: Things\nname: Create\nrequest: POST /v1/things\n";
    private const string Multipart = Post + "encoding: multipart\nfields:\n";
    private const string List = "group: Things\nname: List\nrequest: GET /v1/things\n";

    public static TheoryData<string, string, string, string> BrokenSchemas => new()
    {
        // the broken schema, the id, where it is reported ('|' marks the spot in a text that occurs once), a phrase of the message

        // types:
        { With("types:\n  Thing:", "types:\n  asset:\n    properties:\n      id: { type: string }\n  Thing:"), "PG0016", "  |asset:", "name it 'Asset'" },
        { With("      id: { type: string, required: true }", "      id: { type: string, required: true }\n      blob: { type: file }"), "PG0016", "blob: { type: |file", "an answer holds no files" },
        { Op(Post + "fields:\n  meta: { type: json }"), "PG0005", "meta: { type: |json", "only a member of an answer type ('types:')" },

        // resources:
        { With("failed: [FAILED]", "failed: [FAILED, READY]"), "PG0016", "succeeded: |[READY]", "The status 'READY' of resource 'lora' is in more than one of pending, succeeded and failed" },
        { With("pending: [PENDING]", "pending: []"), "PG0015", "pending: |[]", "a list of at least one status" },
        { With("    type: Thing", "    type: Thin"), "PG0020", "type: |Thin", "Resource 'lora' names the type 'Thin', which 'types:' does not declare (declared: Thing)." },
        { With("get: GET /v1/loras/{id}", "get: GET /v1/loras"), "PG0013", "get: |GET /v1/loras", "has no '{id}' placeholder" },
        { With("get: GET /v1/loras/{id}", "get: POST /v1/loras/{id}"), "PG0013", "get: |POST", "its method is GET (was POST)" },

        // references
        { With("response: Thing", "response: Thin"), "PG0020", "response: |Thin", "The response of operation 'getThing' names the type 'Thin'" },
        { With("response: Thing", "response: { type: Thin, list: true }"), "PG0020", "{ type: |Thin", "names the type 'Thin'" },
        { Op("group: Loras\nname: Create\nrequest: POST /v1/loras\nresource: lroa"), "PG0020", "resource: |lroa", "creates the resource 'lroa', which 'resources:' does not declare (declared: lora)" },
        { Op("group: Alpha\nname: Act\nrequest: POST /v1/act\njob: alhpa"), "PG0020", "job: |alhpa", "creates a job of the model 'alhpa', which 'models:' does not declare" },

        // group and name
        { With("group: Things", "group: things"), "PG0016", "group: |things", "write it in PascalCase" },
        { With("name: Get", "name: get"), "PG0016", "name: |get", "(the method is its name plus 'Async')" },
        { With("name: Get", "name: GetAsync"), "PG0016", "name: |GetAsync", "ends in 'Async'" },
        { Op("group: Things\nname: GET\nrequest: GET /v1/things"), "PG0011", "name: |GET", "Operations 'getThing' and 'extra' both are 'client.Things.GETAsync'" },

        // routes and path parameters
        { With("GET /v1/things/{id}", "GET /v1/things/{a-b}"), "PG0013", "request: |GET /v1/things/{a-b}", "{a-b}" },
        { With("GET /v1/things/{id}", "GET /v1/things/{id}/{id}"), "PG0013", "request: |GET /v1/things/{id}/{id}", "twice" },
        { Op("group: Things\nname: Find\nrequest: GET /v1/things/{id}/x\nparams: { name: { type: string } }"), "PG0016", "{ |name: {", "'params.name' of operation 'extra' is not a placeholder of its route ({id})" },
        { Op("group: Things\nname: Find\nrequest: GET /v1/things/x\nparams: { id: { type: string } }"), "PG0016", "{ |id: { type: string } }", "(it has none)" },
        { Op("group: Things\nname: Find\nrequest: GET /v1/things/{id}/x\nparams: { id: { type: boolean } }"), "PG0016", "{ |id: { type: boolean", "one segment of the URL" },
        { Op("group: Things\nname: Update\nrequest: POST /v1/things/{id}\nfields:\n  id: { type: string }"), "PG0011", "  |id: { type: string }", "is also a placeholder of its route" },

        // bodies, success codes and responses
        { Op(List + "fields:\n  q: { type: string }"), "PG0016", "  |q: { type", "would be sent in the body, but a GET sends none; add 'in: query'" },
        { Op("group: Things\nname: Remove\nrequest: DELETE /v1/things/{id}\nfields:\n  reason: { type: string }"), "PG0016", "  |reason:", "a DELETE sends none" },
        { Op(List + "encoding: multipart"), "PG0016", "encoding: |multipart", "sends no body to encode" },
        { Op(Post + "success: 404"), "PG0016", "success: |404", "write a 2xx code" },
        { Op(Post + "success: [200, 302]"), "PG0016", "200, |302", "'302'" },
        { Op("group: Things\nname: Delete\nrequest: DELETE /v1/things/{id}\nsuccess: 204\nresponse: Thing"), "PG0016", "success: 204\n    response: |Thing", "answers 204, which has no body" },
        { Op(Post + "idempotency: true"), "PG0016", "idempotency: |true", "'api.idempotency' names no header for it" },
        { Op(Post + "auth: bearer"), "PG0016", "auth: |bearer", "write one of key, none" },
        { Op(Post + "retry: always"), "PG0016", "retry: |always", "write one of default, idempotent, safe-only" },

        // paginate:
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next }\nresponse: json"), "PG0016", "response: |json", "cannot be 'json'" },
        { Op(List + "paginate: { items: items, nextCursor: next }\nresponse: Thing"), "PG0004", "paginate: |{ items", "is missing the required key 'cursorParam'" },
        { Op(List + "paginate: { items: items, cursorParam: cursor }\nresponse: Thing"), "PG0004", "paginate: |{ items", "is missing the required key 'nextCursor'" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next, limitParam: limit, minLimit: 10, maxLimit: 5 }\nresponse: Thing"), "PG0007", "minLimit: |10", "minLimit 10 above maxLimit 5" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next, limitParam: limit, maxLimit: 100, defaultLimit: 200 }\nresponse: Thing"), "PG0009", "defaultLimit: |200", "outside minLimit..maxLimit" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next, maxLimit: 100 }\nresponse: Thing"), "PG0004", "paginate: |{ items", "names no 'limitParam'" },
        { Op(Post + "paginate: { items: items, cursorParam: cursor, nextCursor: next }\nresponse: Thing"), "PG0016", "paginate: |{ items", "read with GET (was POST)" },
        { Op(List + "fields:\n  cursor: { type: string, in: query }\npaginate: { items: items, cursorParam: cursor, nextCursor: next }\nresponse: Thing"), "PG0011", "  |cursor: { type", "is also its 'cursorParam'" },
        { Op(List + "fields:\n  limit: { type: integer, in: query }\npaginate: { items: items, cursorParam: cursor, nextCursor: next, limitParam: limit }\nresponse: Thing"), "PG0011", "  |limit: { type", "is also its 'limitParam'" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next }"), "PG0004", "    |paginate:", "needs 'response:' naming the type of each item" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next }\nresponse: { type: Thing, list: true }"), "PG0016", "response: |{ type: Thing, list", "Remove 'path'/'list'" },
        { Op(List + "paginate: { items: items, cursorParam: cursor, nextCursor: next }\nresponse: none"), "PG0016", "response: |none", "cannot be 'none'" },

        // resource: and job:
        { Op("group: Loras\nname: Create\nrequest: POST /v1/loras\nresource: lora\njob: alpha\nfields:\n  parentId: { type: string }"), "PG0016", "    |job: alpha", "creates both a resource and a job" },
        { Op("group: Loras\nname: Create\nrequest: POST /v1/loras\nresponse: Thing\nresource: lora"), "PG0016", "    |response: Thing\n    resource: lora", "answers a resource handle, so it has no 'response:'" },
        { Op("group: Alpha\nname: Act\nrequest: POST /v1/act\njob: alpha"), "PG0016", "job: |alpha", "it needs 'fields:' or 'variants:' for its body" },
        { Op("group: Alpha\nname: Act\nrequest: POST /v1/act/{id}\njob: alpha\nfields:\n  parentId: { type: string }"), "PG0016", "job: |alpha", "its route cannot hold placeholders" },
        { Op("group: Alpha\nname: Act\nrequest: POST /v1/act\nresponse: json\njob: alpha\nfields:\n  parentId: { type: string }"), "PG0016", "    |response: json", "answers a job handle, so it has no 'response:'" },

        // discriminator: and variants:
        { Op(Post + "variants:\n  up: { index: { type: integer } }"), "PG0004", "    |variants:", "needs 'discriminator:'" },
        { Op(Post + "discriminator: action"), "PG0004", "    |discriminator:", "but no 'variants:'" },
        { Op(Post + "discriminator: action\nfields:\n  action: { type: string }\nvariants:\n  up: { index: { type: integer } }"), "PG0011", "  |action: { type: string }", "is its discriminator" },
        { Op(Post + "discriminator: action\nvariants:\n  up: { action: { type: string } }"), "PG0011", "up: { |action", "is the discriminator" },
        { Op(Post + "discriminator: action\nfields:\n  parent: { type: string }\nvariants:\n  up: { parent: { type: string } }"), "PG0011", "up: { |parent", "is already a shared field" },
        { Op(Post + "discriminator: action\nvariants: {}"), "PG0016", "variants: |{}", "are empty" },

        // emulate:
        { Op(Post + "emulate: catalogue"), "PG0016", "emulate: |catalogue", "write one of default, account, catalog, job-list, upload, store, fetch, resource-list, resource-delete. Did you mean 'catalog'?" },
        { Op(List + "fields:\n  kind: { type: string, in: query }\nemulate: { role: catalog, filter: knd }"), "PG0020", "filter: |knd", "by 'knd', which is not one of its 'in: query' fields" },
        { Op(Post + "fields:\n  kind: { type: string }\nemulate: { role: catalog, filter: kind }"), "PG0020", "filter: |kind", "by 'kind', which is not one of its 'in: query' fields" },
        { Op(List + "emulate: { role: catalog, groups: { gne: image } }"), "PG0012", "{ |gne: image", "names the endpoint 'gne', which 'endpoints:' does not declare. Did you mean 'gen'?" },
        { Op(List + "emulate: { role: account, groups: { gen: image } }"), "PG0016", "emulate: |{ role", "describe a catalog" },
        { Op(List + "emulate: {}"), "PG0004", "emulate: |{}", "'emulate' of operation 'extra' is missing the required key 'role'" },

        // file limits and array styles
        { Op(Multipart + "  f: { type: file, maxBytes: 0 }"), "PG0016", "maxBytes: |0", "write a whole number of bytes above zero" },
        { Op(Multipart + "  f: { type: file, maxBytes: 25MB }"), "PG0016", "maxBytes: |25MB", "is '25MB'" },
        { Op(Multipart + "  s: { type: string, maxBytes: 10 }"), "PG0006", "|maxBytes", "'maxBytes' does not apply" },
        { Op(Multipart + "  f: { type: file, accept: [PNG] }"), "PG0016", "[|PNG]", "is not a media type" },
        { Op(Multipart + "  f: { type: file, accept: [image/png, image/png] }"), "PG0010", "accept: |[", "lists 'image/png' more than once" },
        { Op(Multipart + "  f: { type: file, maxBytes: 100, accept: { image/png: 200 } }"), "PG0007", "image/png: |200", "accepts image/png up to 200 bytes, above its maxBytes 100" },
        { Op(Multipart + "  f: { type: file, accept: image/png }"), "PG0015", "accept: |image/png", "is a list of media types" },
        { Op(Multipart + "  tags: { type: array, items: { type: string }, maxTotalBytes: 10 }"), "PG0006", "|maxTotalBytes", "bounds the total size of an array of files" },
        { Op(Multipart + "  f: { type: file, maxTotalBytes: 10 }"), "PG0006", "|maxTotalBytes", "'maxTotalBytes' does not apply" },
        { Op(Multipart + "  tags: { type: array, style: csv, items: { type: object } }"), "PG0016", "style: |csv", "its items are single values, not objects" },
        { Op(Multipart + "  tags: { type: array, style: pipes, items: { type: string } }"), "PG0016", "style: |pipes", "write one of repeat, csv" },
        { Op(Multipart + "  tag: { type: string, style: csv }"), "PG0006", "|style", "'style' does not apply" },

        // files only where a multipart body sends them
        { Op(Post + "fields:\n  f: { type: file }"), "PG0016", "f: { type: |file", "is sent as JSON; add 'encoding: multipart' to it to send files" },
        { Op(Post + "fields:\n  images: { type: array, items: { type: file } }"), "PG0016", "items: { type: |file", "is sent as JSON; add 'encoding: multipart'" },
        { Op(Post + "discriminator: kind\nvariants:\n  up: { f: { type: file } }"), "PG0016", "f: { type: |file", "is sent as JSON" },
        { Op(Multipart + "  meta: { type: object, properties: { f: { type: file } } }"), "PG0016", "f: { type: |file", "top-level members of a multipart body" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void Broken_operation_schema_reports_its_diagnostic_where_it_is_written(string text, string id, string at, string phrase) =>
        AssertSingle(text, id, at, phrase);

    [Fact]
    public void The_base_schema_loads_without_diagnostics()
    {
        var result = SchemaLoader.Load(Base);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Document!.Operations);
    }

    [Fact]
    public void Overlapping_pending_and_failed_without_succeeded_are_reported_at_failed_not_thrown()
    {
        var text = With("    succeeded: [READY]\n    failed: [FAILED]", "    failed: [FAILED, PENDING]");

        var result = SchemaLoader.Load(text);

        Assert.Null(result.Document);
        Assert.Equal(new[] { "PG0004", "PG0016" }, result.Diagnostics.Select(d => d.Id).OrderBy(i => i, System.StringComparer.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0004" && d.Message.Contains("'succeeded'", System.StringComparison.Ordinal));
        var overlap = result.Diagnostics.Single(d => d.Id == "PG0016");
        Assert.Contains("The status 'PENDING' of resource 'lora'", overlap.Message, System.StringComparison.Ordinal);
        Assert.Equal(PositionOf(text, "failed: |[FAILED, PENDING]"), (overlap.Range.StartLine, overlap.Range.StartColumn));
    }

    /// <summary>The base with one more operation <c>extra</c> whose lines are <paramref name="lines"/>.</summary>
    private static string Op(string lines) =>
        WithOperation(string.Join("\n", lines.TrimEnd('\n').Split('\n').Select(l => "    " + l)));
}
