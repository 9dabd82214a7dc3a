import Foundation

/// Exercises reach a kit's contracts and harness types only. Two spellings of `import` reach
/// further: `@testable import` opens every internal declaration of a kit (debug builds are
/// built for testing), and `@_spi(Reference) import` opens the reference tools behind `workbook
/// float` and `workbook quantize`; both compute exercises' answers. The builds of `workbook
/// check`, `watch` and `grade` refuse an exercise file that uses either, as a compile error of
/// that file, so the topic's other exercises are still graded.
enum ExerciseImports {
  /// The refusals for the exercise files of `topic` under `root`, one compiler-style line
  /// (`Exercises/T/F.swift:3:1: error: …`) per use; empty when there is none.
  static func refusals(topic: String, root: URL) -> [String] {
    let folder = root.appendingPathComponent("Exercises/\(topic)")
    let files =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
      .filter { $0.hasSuffix(".swift") }.sorted() ?? []
    var refusals: [String] = []
    for file in files {
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
      else { continue }
      let lines = String(decoding: data, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      for (number, line) in lines.enumerated() {
        for attribute in ["@testable", "@_spi"] {
          guard let found = line.range(of: attribute) else { continue }
          let column = line.distance(from: line.startIndex, to: found.lowerBound) + 1
          refusals.append(
            "Exercises/\(topic)/\(file):\(number + 1):\(column): error: \(attribute) reaches "
              + "the workbook's own code, which computes the answers; an exercise imports the "
              + "kit's contracts only")
        }
      }
    }
    return refusals
  }
}
