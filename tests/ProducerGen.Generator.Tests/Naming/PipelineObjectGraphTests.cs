using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>
/// No pipeline step holds a Roslyn symbol, syntax node, syntax tree, location, compilation or semantic model (which
/// would defeat caching and keep compilations alive): every value of every tracked step, walked by reflection.
/// </summary>
public sealed class PipelineObjectGraphTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel),
    };

    [Fact]
    public void No_tracked_step_value_holds_a_symbol_syntax_location_compilation_or_semantic_model()
    {
        var broken = GeneratorHarness.Schema("broken.producergen.yaml", "producergen: 1\napi:\n  name: Broken\n  baseUrl: https://x.test\n  auth: { header: K }\n  jobs:\n    get: GET /j/{id}\nendpoints:\n  e: { request: POST /e }\nmodels:\n  m: { endpoint: e, paramsKey: p, params: { w: { type: number, min: 0, max: 1, step: 0 } } }\n");
        var files = new[] { GeneratorHarness.Schema("apiframe-music.producergen.yaml"), GeneratorHarness.Schema("awkward.producergen.yaml"), GeneratorHarness.Schema("operations.producergen.yaml"), broken };
        var result = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.Compilation("class A { }")).GetRunResult().Results[0];

        // Every step of the generator's own pipeline is tracked and walked.
        var ours = typeof(TrackingNames).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.All(ours, name => Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} is not tracked"));
        var found = new List<string>();
        var walked = 0;
        foreach (var (stepName, steps) in result.TrackedSteps)
        {
            // The driver's own record of what RegisterSourceOutput produced (sources and reported Diagnostics, which
            // must carry their Location) is not a pipeline value; every other step is.
            if (stepName is "SourceOutput" or "ImplementationSourceOutput")
            {
                continue;
            }

            for (var s = 0; s < steps.Length; s++)
            {
                var step = steps[s];
                for (var i = 0; i < step.Outputs.Length; i++)
                {
                    walked += Walk(step.Outputs[i].Value, $"{stepName}[{s}].Outputs[{i}]", found);
                }

                for (var i = 0; i < step.Inputs.Length; i++)
                {
                    var (source, index) = step.Inputs[i];
                    walked += Walk(source.Outputs[index].Value, $"{stepName}[{s}].Inputs[{i}] (from {source.Name ?? "an untracked step"})", found);
                }
            }
        }

        Assert.True(walked > 100, $"walked only {walked} objects");
        Assert.True(found.Count == 0, "Pipeline values hold Roslyn objects:\n" + string.Join("\n", found.Distinct().Take(30)));
    }

    private static int Walk(object? root, string rootPath, List<string> found)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;
        var stack = new Stack<(object? Value, string Path, int Depth)>();
        stack.Push((root, rootPath, 0));
        while (stack.Count > 0)
        {
            var (value, path, depth) = stack.Pop();
            if (value is null || IsLeaf(value.GetType()) || depth > 64)
            {
                continue;
            }

            var type = value.GetType();
            if (!type.IsValueType && !visited.Add(value))
            {
                continue;
            }

            count++;
            if (Forbidden.FirstOrDefault(f => f.IsInstanceOfType(value)) is { } forbidden)
            {
                found.Add($"{path}: a {forbidden.Name} ({type.FullName})");
                continue;
            }

            if (value is IEnumerable items)
            {
                var index = 0;
                try
                {
                    foreach (var item in items)
                    {
                        stack.Push((item, $"{path}[{index++}]", depth + 1));
                    }
                }
                catch (InvalidOperationException)
                {
                    // A default ImmutableArray and the like: nothing to walk.
                }
                catch (NullReferenceException)
                {
                }
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!IsLeaf(field.FieldType))
                    {
                        stack.Push((field.GetValue(value), $"{path}.{field.Name}", depth + 1));
                    }
                }
            }

            // Properties too (computed ones may hold what no field shows), except on BCL types and indexers.
            if (type.Namespace is { } ns && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length > 0 || IsLeaf(property.PropertyType) || property.GetMethod is null)
                {
                    continue;
                }

                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                stack.Push((propertyValue, $"{path}.{property.Name}", depth + 1));
            }
        }

        return count;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
        || typeof(Delegate).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(System.Text.Encoding).IsAssignableFrom(type) || type == typeof(IntPtr) || type == typeof(UIntPtr);
}
