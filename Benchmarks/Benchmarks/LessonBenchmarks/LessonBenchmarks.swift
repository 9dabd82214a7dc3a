import Benchmark
import Foundation
import Markdown

/// The whole course's Markdown, read once.
let courseText: String = {
  let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
  let files = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
  return files.filter { $0.hasSuffix(".md") }.sorted().compactMap {
    try? String(contentsOf: lessons.appendingPathComponent($0), encoding: .utf8)
  }.joined(separator: "\n\n")
}()

let benchmarks: @Sendable () -> Void = {
  let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]
  Benchmark.defaultConfiguration = .init(
    metrics: metrics, maxDuration: .seconds(3), maxIterations: 2000)

  // The peer: cmark parses and renders in one C call.
  Benchmark("Course to HTML, cmark_markdown_to_html") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(CmarkDirect.html(courseText)) }
  }

  // The workbook's path: parse, copy into Swift values, rebuild a cmark tree, render.
  Benchmark("Course to HTML, workbook Markdown module") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(MarkdownRenderer.render(MarkdownParser.parse(courseText), as: .html))
    }
  }
}
